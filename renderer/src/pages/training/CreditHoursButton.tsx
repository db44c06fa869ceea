import { App, Button, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Meeting } from '@shared/model';
import { creditingFormOf } from '@shared/training';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { trainingStore, useTrainingOfMeeting } from '../../db/trainingHooks';
import { failureMessage } from '../../components/formProblems';

/**
 * 计入学时 on a 集中学习 or 党课: each member marked 出席 gets the hours typed (typed by the user), in one
 * step. Nothing for other meetings; a meeting with only a headcount gets the reason from creditMeeting.
 */
export function CreditHoursButton({ meeting }: { meeting: Meeting }) {
  const { message, modal } = App.useApp();
  const credited = useTrainingOfMeeting(meeting.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ hours: number }>();
  const guard = useUnsavedChanges();
  if (!creditingFormOf(meeting)) {
    return null;
  }

  async function credit({ hours }: { hours: number }) {
    try {
      const result = await trainingStore.creditMeeting(meeting.id, hours);
      guard.markClean();
      setOpen(false);
      if (!result.ok) {
        modal.warning({ title: '无法计入学时', content: result.message });
      } else {
        message.success(`已为${result.credited}名出席党员计入${hours}学时${result.alreadyCredited > 0 ? `（${result.alreadyCredited}人此前已计入）` : ''}`);
      }
    } catch (error) {
      message.error(failureMessage('计入学时', error));
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>
        计入学时{credited && credited.length > 0 ? `（已计入${credited.length}人）` : ''}
      </Button>
      {open && (
        <Modal open title="计入学时" okText="计入" cancelText="取消" onOk={() => form.submit()} onCancel={() => guard.confirmLeave(() => setOpen(false))} destroyOnHidden>
          <Typography.Paragraph type="secondary">为出席本次会议的党员各计入学时，已计入的不重复计入。</Typography.Paragraph>
          <Form form={form} name="creditHours" layout="vertical" onValuesChange={guard.markDirty} onFinish={(v) => void credit(v)}>
            <Form.Item name="hours" label="每人学时" rules={[{ required: true, message: '请填写学时' }]}>
              <InputNumber min={0.5} step={0.5} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
