import { Alert, App, AutoComplete, Button, Descriptions, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { todayIso } from '@shared/dates';
import type { Member, Rectification } from '@shared/model';
import { ACTION_DEFINITIONS, actionsFrom, refusalMessage, type RectificationAction } from '@shared/rectifications';
import { DateField } from '../../components/IsoDatePicker';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { ValidationError } from '../../db';
import { rectificationStore, type StatusChangeInput } from '../../db/rectificationHooks';
import { nameOptions } from './formModel';
import { failureMessage, setFieldProblems } from '../../components/formProblems';

/** Actions asked about in a dialog; the others go straight through. */
type DialogAction = 'submit' | 'close' | 'return';

const DIALOG_TITLES: Record<DialogAction, string> = { submit: '提交验收', close: '销号', return: '退回整改' };
const OK_TEXT: Record<DialogAction, string> = { submit: '提交验收', close: '确认销号', return: '退回整改' };

/** The refusal in words, or the failure as it came. */
function refusalOf(action: RectificationAction, error: unknown): string {
  if (error instanceof ValidationError) {
    return refusalMessage(action, error.problems);
  }
  return failureMessage(ACTION_DEFINITIONS[action].label, error);
}

type DialogValues = StatusChangeInput;

function StatusDialog({
  action,
  task,
  members,
  evidenceCount,
  onClose,
}: {
  action: DialogAction;
  task: Rectification;
  members: readonly Member[] | undefined;
  evidenceCount: number;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DialogValues>();
  const [refusal, setRefusal] = useState<string>();
  const [saving, setSaving] = useState(false);
  const names = useMemo(() => nameOptions(members), [members]);
  const guard = useUnsavedChanges();

  async function confirm() {
    // A 销号日期 the date field could not read is refused here, with its reason under the field.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) {
      return;
    }
    setSaving(true);
    setRefusal(undefined);
    try {
      await rectificationStore.changeStatus(task.id, action, values);
      message.success(action === 'close' ? '已销号' : `已${ACTION_DEFINITIONS[action].label}`);
      guard.markClean();
      onClose();
    } catch (error) {
      const text = refusalOf(action, error);
      setRefusal(text);
      if (error instanceof ValidationError) {
        setFieldProblems(
          form,
          error.problems.filter((p) => p.field === 'outcome' || p.field === 'reviewer' || p.field === 'closedOn'),
        );
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={DIALOG_TITLES[action]}
      okText={OK_TEXT[action]}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void confirm()}
      onCancel={() => guard.confirmLeave(onClose)}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {action === 'close' && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            { key: 'outcome', label: '完成情况', children: task.outcome ? '已填写' : <Typography.Text type="danger">未填写</Typography.Text> },
            {
              key: 'evidence',
              label: '佐证材料',
              children: evidenceCount > 0 ? `${evidenceCount} 份` : <Typography.Text type="danger">未上传（至少一份）</Typography.Text>,
            },
          ]}
        />
      )}
      <Form<DialogValues>
        form={form}
        layout="vertical"
        initialValues={{ outcome: task.outcome, closedOn: todayIso() }}
        onValuesChange={() => {
          setRefusal(undefined);
          guard.markDirty();
        }}
      >
        {(action === 'submit' || action === 'close') && (
          <Form.Item name="outcome" label="完成情况">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} placeholder="整改完成后的情况" />
          </Form.Item>
        )}
        {action === 'close' && (
          <>
            <Form.Item name="reviewer" label="销号审核人" extra="一般由书记或上级党组织审核，“对单销号”。">
              <AutoComplete options={names} filterOption={(input, option) => Boolean(option?.value.includes(input.trim()))} placeholder="审核人姓名" />
            </Form.Item>
            <DateField name="closedOn" label="销号日期" noFuture placeholder="请选择销号日期" />
          </>
        )}
        {action === 'return' && (
          <Form.Item name="note" label="退回原因" extra="写入整改进展。">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={500} placeholder="如：佐证材料不足，需补充" />
          </Form.Item>
        )}
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} />}
    </Modal>
  );
}

/** The workflow buttons open from the task's status, with the dialogs that ask what a step needs. */
export function StatusActions({ task, members, evidenceCount }: { task: Rectification; members: readonly Member[] | undefined; evidenceCount: number }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<DialogAction>();

  async function run(action: RectificationAction) {
    try {
      await rectificationStore.changeStatus(task.id, action);
      message.success(`已${ACTION_DEFINITIONS[action].label}`);
    } catch (error) {
      message.error(refusalOf(action, error));
    }
  }

  const buttons = actionsFrom(task.status).map((action) => {
    const { label } = ACTION_DEFINITIONS[action];
    if (action === 'submit' || action === 'close' || action === 'return') {
      return (
        <Button key={action} type={action === 'close' || action === 'submit' ? 'primary' : 'default'} onClick={() => setDialog(action)}>
          {label}
        </Button>
      );
    }
    if (action === 'longTerm') {
      return (
        <Popconfirm key={action} title="设为长期坚持？" description="长期坚持的任务不再计算逾期，需持续落实整改措施。" okText="确定" cancelText="取消" onConfirm={() => void run(action)}>
          <Button>{label}</Button>
        </Popconfirm>
      );
    }
    return (
      <Button key={action} type="primary" onClick={() => void run(action)}>
        {label}
      </Button>
    );
  });

  return (
    <>
      <Space wrap>{buttons}</Space>
      {dialog && <StatusDialog action={dialog} task={task} members={members} evidenceCount={evidenceCount} onClose={() => setDialog(undefined)} />}
    </>
  );
}
