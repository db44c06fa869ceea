import { App, Form, Modal, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import type { Branch } from '@shared/model';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { branchStore } from '../../db';
import { BranchInfoFields, cleanBranchInfo, NEW_BRANCH_VALUES, type BranchInfoValues } from './BranchInfoFields';
import { failureMessage, showProblemsOnForm } from '../../components/formProblems';

/** A name of its own: the settings page's form has a 支部全称 field too, and ids must not collide. */
const FORM_NAME = 'create-branch';

interface CreateBranchModalProps {
  open: boolean;
  onClose: () => void;
  /** Called after the branch is saved; it is already the current branch then. */
  onCreated?: (branch: Branch) => void;
}

/** 创建支部: the new branch becomes the current one, so the app switches to it by itself. */
export function CreateBranchModal({ open, onClose, onCreated }: CreateBranchModalProps) {
  const [saving, setSaving] = useState(false);
  // The footer's 创建 button submits through the form instance, not the DOM: nothing depends on mount order.
  const [form] = Form.useForm<BranchInfoValues>();
  // Esc, ✕ and 取消 ask before a half-filled branch is thrown away.
  const guard = useUnsavedChanges();
  return (
    <Modal
      title="创建支部"
      open={open}
      width={720}
      okText="创建"
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmLeave(onClose)}
      destroyOnHidden
    >
      {/* Mounted afresh on every opening, so each new branch starts from the defaults. */}
      <CreateBranchForm
        form={form}
        onSavingChange={setSaving}
        onChanged={guard.markDirty}
        onCreated={(branch) => {
          guard.markClean();
          onClose();
          onCreated?.(branch);
        }}
      />
    </Modal>
  );
}

interface CreateBranchFormProps {
  form: FormInstance<BranchInfoValues>;
  onSavingChange: (saving: boolean) => void;
  onChanged: () => void;
  onCreated: (branch: Branch) => void;
}

function CreateBranchForm({ form, onSavingChange, onChanged, onCreated }: CreateBranchFormProps) {
  // The form instance outlives the dialog's body: start every opening from the defaults.
  useEffect(() => {
    form.resetFields();
  }, [form]);
  const { message } = App.useApp();

  async function create(values: BranchInfoValues) {
    onSavingChange(true);
    try {
      const branch = await branchStore.create(cleanBranchInfo(values));
      message.success(`已创建 ${branch.name}`);
      onCreated(branch);
    } catch (error) {
      const rest = showProblemsOnForm(form, error, ['name', 'parentOrganisation', 'category', 'foundedOn', 'ledgerStartsOn']);
      if (rest === null) {
        message.error(failureMessage('创建支部', error));
      } else if (rest.length > 0) {
        message.error(rest.join('；'));
      }
    } finally {
      onSavingChange(false);
    }
  }

  return (
    <Form form={form} name={FORM_NAME} layout="vertical" initialValues={NEW_BRANCH_VALUES} onValuesChange={onChanged} onFinish={(values) => void create(values)}>
      <BranchInfoFields />
    </Form>
  );
}
