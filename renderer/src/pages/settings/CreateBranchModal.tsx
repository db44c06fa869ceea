import { App, Form, Modal } from 'antd';
import { useState } from 'react';
import type { Branch } from '@shared/model';
import { branchStore } from '../../db';
import { BranchInfoFields, cleanBranchInfo, NEW_BRANCH_VALUES, type BranchInfoValues } from './BranchInfoFields';
import { failureMessage, showProblemsOnForm } from './formProblems';

/** The form's element id: the dialog's 创建 button submits it from the footer (`<button form=…>`). */
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
  return (
    <Modal
      title="创建支部"
      open={open}
      width={720}
      okText="创建"
      okButtonProps={{ htmlType: 'submit', form: FORM_NAME, loading: saving }}
      onCancel={onClose}
      destroyOnHidden
    >
      {/* Mounted afresh on every opening, so each new branch starts from the defaults. */}
      <CreateBranchForm
        onSavingChange={setSaving}
        onCreated={(branch) => {
          onClose();
          onCreated?.(branch);
        }}
      />
    </Modal>
  );
}

function CreateBranchForm({ onSavingChange, onCreated }: { onSavingChange: (saving: boolean) => void; onCreated: (branch: Branch) => void }) {
  const [form] = Form.useForm<BranchInfoValues>();
  const { message } = App.useApp();

  async function create(values: BranchInfoValues) {
    onSavingChange(true);
    try {
      const branch = await branchStore.create(cleanBranchInfo(values));
      message.success(`已创建 ${branch.name}`);
      onCreated(branch);
    } catch (error) {
      const rest = showProblemsOnForm(form, error, ['name', 'parentOrganisation', 'category', 'foundedOn']);
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
    <Form form={form} name={FORM_NAME} layout="vertical" initialValues={NEW_BRANCH_VALUES} onFinish={(values) => void create(values)}>
      <BranchInfoFields />
    </Form>
  );
}
