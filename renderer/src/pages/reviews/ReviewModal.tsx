import { App, Descriptions, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { formatDate } from '@shared/dates';
import { NOT_GRADED, needsDisposal, REVIEW_GRADES, REVIEW_VOTE_LABELS, type Member } from '@shared/model';
import { GuardedFormModal } from '../../components/GuardedFormModal';
import { DateField } from '../../components/IsoDatePicker';
import { messageOf } from '@shared/errors';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { ValidationError } from '../../db';
import { reviewStore } from '../../db/reviewHooks';
import { formValuesOf, reviewInputOf, VOTE_KEYS, type ReviewFormValues, type ReviewRow } from './reviewsModel';

const FIELDS = ['selfAssessment', 'peerOpinion', 'grade', 'basis', 'feedbackOn', 'feedbackById', 'disposal'] as const;
type FieldName = (typeof FIELDS)[number] | ['votes', 'excellent'];

/** Where the form shows a repository problem: the votes' under their first count; none for the key fields. */
function fieldOf(problem: string): FieldName | undefined {
  return problem === 'votes' ? ['votes', 'excellent'] : FIELDS.find((f) => f === problem);
}

/** A count of 测评票 as typed: a whole number from 0, or blank; never rounded or clamped behind the user's back. */
const voteRule = (label: string) => ({
  validator: (_: unknown, value: unknown) =>
    value === null || value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 0)
      ? Promise.resolve()
      : Promise.reject(new Error(`${label}票数应为0或正整数`)),
});

interface Props {
  branchId: string;
  year: number;
  row: ReviewRow;
  /** The year's 民主评议党员 meeting, linked to a new result. */
  meeting?: { id: string; date: string };
  /** Those who can give the feedback: the branch's members. */
  members: readonly Member[];
  /** 优秀 already given to others this year, and ⌊N/3⌋. */
  excellentOthers: number;
  quota: number;
  onClose: () => void;
}

/** 录入/编辑 a member's 民主评议结果 of a year; the member and the year are the key and are not edited here. */
export function ReviewModal({ branchId, year, row, meeting, members, excellentOthers, quota, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewFormValues>();
  const guard = useUnsavedChanges();
  const [saving, setSaving] = useState(false);
  const grade = Form.useWatch('grade', form);
  const disposal = Form.useWatch('disposal', form);
  const meetingId = row.result ? row.result.meetingId : meeting?.id;
  const feedbackPeople = members.filter((m) => !m.departure || m.id === row.result?.feedbackById);

  async function save(values: ReviewFormValues) {
    setSaving(true);
    try {
      await reviewStore.save(branchId, reviewInputOf(values, { year, memberId: row.member.id, meetingId }));
      guard.markClean();
      message.success(`已保存${row.member.name}的${year}年度民主评议结果`);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) {
        form.setFields(error.problems.flatMap((p) => {
          const name = fieldOf(p.field);
          return name ? [{ name, errors: [p.message] }] : [];
        }));
        const elsewhere = error.problems.filter((p) => !fieldOf(p.field));
        if (elsewhere.length > 0) {
          message.error(elsewhere.map((p) => p.message).join('；'));
        }
      } else {
        message.error(`保存失败：${messageOf(error)}`);
      }
    } finally {
      setSaving(false);
    }
  }

  const grades = row.graded ? REVIEW_GRADES : [NOT_GRADED];
  return (
    <GuardedFormModal title={`${row.member.name}的${year}年度民主评议结果`} saving={saving} form={form} guard={guard} onClose={onClose}>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'who', label: '党员类别', children: row.graded ? '正式党员（评定等次）' : row.participant ? `预备党员（${NOT_GRADED}）` : '不在本年度参评名单' },
          ...(meetingId && meeting && meetingId === meeting.id ? [{ key: 'meeting', label: '民主评议党员会议', children: formatDate(meeting.date) }] : []),
        ]}
      />
      <Form<ReviewFormValues> form={form} name="review" layout="vertical" initialValues={formValuesOf(row.result)} onValuesChange={guard.markDirty} onFinish={(values) => void save(values)}>
        <Form.Item name="selfAssessment" label="个人自评摘要">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="peerOpinion" label="互评意见">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item label="民主测评票" extra="各等次的票数，未统计的留空">
          <Space wrap>
            {VOTE_KEYS.map((key) => (
              <Form.Item key={key} name={['votes', key]} noStyle rules={[voteRule(REVIEW_VOTE_LABELS[key])]}>
                <InputNumber aria-label={`测评票${REVIEW_VOTE_LABELS[key]}`} addonBefore={REVIEW_VOTE_LABELS[key]} style={{ width: 150 }} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Form.Item
          name="grade"
          label="支部评定等次"
          extra={row.graded ? `优秀名额：本年度最多${quota}名，其他党员已评定${excellentOthers}名` : '预备党员参加评议，不评定等次'}
        >
          <Select allowClear placeholder="尚未评定" options={grades.map((g) => ({ value: g, label: g }))} />
        </Form.Item>
        <Form.Item name="basis" label="评定依据">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item
          name="disposal"
          label="处置措施"
          extra={needsDisposal(grade) && !disposal?.trim() ? `评定为${grade}的应填写处置措施（限期改进、教育转化或组织处置）` : undefined}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Space wrap align="start">
          <DateField name="feedbackOn" label="反馈日期" noFuture />
          <Form.Item name="feedbackById" label="反馈人">
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 160 }} options={feedbackPeople.map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
        </Space>
      </Form>
    </GuardedFormModal>
  );
}
