import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { formatDate, todayIso, toComparableDate } from '@shared/dates';
import { DEPARTURE_REASONS, type DepartureReason, type Member } from '@shared/model';
import { DateField } from '../../components/IsoDatePicker';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { memberStore, ValidationError } from '../../db';
import { messageOf } from '@shared/errors';
import { failureMessage, setFieldProblems } from '../../components/formProblems';

interface DepartureModalProps {
  open: boolean;
  member: Member;
  onClose: () => void;
}

interface DepartureValues {
  reason?: DepartureReason;
  date?: string;
  note?: string;
}

const FORM_ID = 'memberDeparture';

/** 转出/离开: the member moves to 历史党员 with reason and date; the record itself stays. */
export function DepartureModal({ open, member, onClose }: DepartureModalProps) {
  const [saving, setSaving] = useState(false);
  const guard = useUnsavedChanges();
  const requestClose = () => guard.confirmLeave(onClose);
  return (
    <Modal
      title={`转出/离开：${member.name}`}
      open={open}
      onCancel={requestClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={requestClose}>取消</Button>
          <Button type="primary" htmlType="submit" form={FORM_ID} loading={saving}>
            确定
          </Button>
        </Space>
      }
    >
      <DepartureForm
        member={member}
        onChanged={guard.markDirty}
        onClose={() => {
          guard.markClean();
          onClose();
        }}
        onSavingChange={setSaving}
      />
    </Modal>
  );
}

function DepartureForm({
  member,
  onClose,
  onChanged,
  onSavingChange,
}: Omit<DepartureModalProps, 'open'> & { onChanged: () => void; onSavingChange: (saving: boolean) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartureValues>();

  const submit = async (values: DepartureValues) => {
    onSavingChange(true);
    try {
      const note = values.note?.trim();
      await memberStore.moveToHistory(member.id, { reason: values.reason!, date: values.date!, ...(note ? { note } : {}) });
      message.success(`${member.name}已移入历史党员`);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) {
        setFieldProblems(
          form,
          error.problems
            .filter((p) => ['reason', 'date', 'note'].includes(p.field))
            .map((p) => ({ ...p, message: messageOf(p.message, '填写不正确') })),
        );
      } else {
        message.error(failureMessage('操作', error));
      }
    } finally {
      onSavingChange(false);
    }
  };

  return (
    <Form
      form={form}
      id={FORM_ID}
      name={FORM_ID}
      layout="vertical"
      initialValues={{ date: todayIso() }}
      onValuesChange={onChanged}
      onFinish={(values) => void submit(values)}
      // Enter confirms the typed date; moving a member out takes a click on 确定.
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement)) {
          event.preventDefault();
        }
      }}
    >
      <Form.Item name="reason" label="原因" rules={[{ required: true, message: '请选择原因' }]}>
        <Select placeholder="请选择" options={DEPARTURE_REASONS.map((r) => ({ value: r, label: r }))} />
      </Form.Item>
      <DateField
        name="date"
        label="日期"
        rules={[
          { required: true, message: '请选择日期' },
          {
            validator: async (_, value?: string) => {
              if (value && member.joinedOn && value < toComparableDate(member.joinedOn)) {
                throw new Error(`日期不能早于入党时间（${formatDate(member.joinedOn)}）`);
              }
            },
          },
        ]}
        noFuture
      />
      <Form.Item name="note" label="说明">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={300} placeholder="如 调往市财政局，组织关系已转出" />
      </Form.Item>
    </Form>
  );
}
