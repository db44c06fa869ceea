import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Result, Row, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { isValidIsoDate, parseDateInput } from '@shared/dates';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { mergeAttendance, expectedParticipantIds, NO_ATTENDANCE_LIST } from '@shared/meetings';
import { headcountProblems } from '@shared/model';
import type { VoteField } from '@shared/rules/quorum';
import type { Branch, Meeting, Member } from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { DateField } from '../../components/IsoDatePicker';
import { DraftNotice, useFormDraft } from '../../components/formDraft';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { useMembers, ValidationError } from '../../db';
import { meetingStore, useMeeting } from '../../db/meetingHooks';
import { useMeetingTypes } from '../../db/meetingTypes';
import { MeetingAttachments, PendingAttachments } from './Attachments';
import { AttendanceField } from './AttendanceField';
import {
  defaultsForType,
  formFieldOf,
  FORM_FIELDS,
  inputOfValues,
  newMeetingValues,
  valuesOfMeeting,
  voteFieldProblems,
  votePath,
  type MeetingFormValues,
} from './formModel';
import { personOptions, personSearch } from './people';
import { messageOf } from '@shared/errors';
import { failureMessage, setFieldProblems } from '../../components/formProblems';
import { allFormValues } from '../../components/formValues';

const { TextArea } = Input;

interface FormBodyProps {
  branch: Branch;
  members: Member[];
  meeting?: Meeting;
  initialValues: MeetingFormValues;
}

function MeetingFormBody({ branch, members, meeting, initialValues }: FormBodyProps) {
  const [form] = Form.useForm<MeetingFormValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  // A ledger gave counts only (出席名单未导入): they stay numbers until the user chooses to record a list.
  const [countsOnly, setCountsOnly] = useState(() => Boolean(initialValues.headcount) && initialValues.attendance.length === 0);
  const type = Form.useWatch('type', form) ?? initialValues.type;
  const hostId = Form.useWatch('hostId', form);
  const recorderId = Form.useWatch('recorderId', form);
  const people = useMemo(() => personOptions(members, [hostId, recorderId]), [members, hostId, recorderId]);
  const groupOptions = branch.partyGroups.map((g) => ({ value: g.id, label: g.name }));
  const meetingTypes = useMeetingTypes();
  // A long record: leaving asks, and a draft is kept every few seconds (dropped on save or when the user leaves).
  const guard = useUnsavedChanges({ onLeave: () => draft.clear() });
  const draft = useFormDraft(meeting ? `meeting:${meeting.id}` : `meeting:new:${branch.id}`, guard.dirty, () => {
    const { pendingFiles: _files, ...values } = allFormValues(form);
    return values;
  });
  // Built-in and 设置 types; a stored type no longer in the list (e.g. imported) stays choosable on its record.
  const typeOptions = useMemo(() => {
    const types = [...meetingTypes];
    for (const t of [initialValues.type, ...initialValues.alsoCountsAs]) {
      if (t && !types.includes(t)) {
        types.push(t);
      }
    }
    return types.map((t) => ({ value: t, label: t }));
  }, [meetingTypes, initialValues.type, initialValues.alsoCountsAs]);

  /** Type, 党小组 or date changed: follow with title, 主持人/记录人 (unless the user chose them) and 应到 people. */
  function onValuesChange(changed: Partial<MeetingFormValues>, all: MeetingFormValues) {
    guard.markDirty();
    if (!('type' in changed || 'partyGroupId' in changed || 'start' in changed)) {
      return;
    }
    const groupId = all.type === '党小组会' ? (all.partyGroupId ?? branch.partyGroups[0]?.id) : undefined;
    // A start the field could not read (kept as typed) does not move the title.
    const start = all.start && parseDateInput(all.start, { precision: 'minute' }).ok ? all.start : initialValues.start;
    const defaults = defaultsForType(all.type, branch, members, start, groupId);
    const patch: Partial<MeetingFormValues> = {};
    if (all.type === '党小组会' && !all.partyGroupId && groupId) {
      patch.partyGroupId = groupId;
    }
    if (!meeting && !form.isFieldTouched('title')) {
      patch.title = defaults.title;
    }
    if ('type' in changed || 'partyGroupId' in changed) {
      if (!meeting && !form.isFieldTouched('hostId')) {
        patch.hostId = defaults.hostId;
      }
      if (!meeting && !form.isFieldTouched('recorderId')) {
        patch.recorderId = defaults.recorderId;
      }
      // Never a list made up while the record has counts only.
      if (!countsOnly) {
        patch.attendance = mergeAttendance(expectedParticipantIds(all.type, members, branch, groupId), all.attendance ?? []);
      }
      patch.alsoCountsAs = (all.alsoCountsAs ?? []).filter((t) => t !== all.type);
    }
    form.setFieldsValue(patch);
  }

  /** 赞成/反对/弃权 against the 实到 with a vote, as typed now: the message stands on the field itself. */
  function voteCheck(row: number, voteField: VoteField): Promise<void> {
    const problem = voteFieldProblems(allFormValues(form), members, branch).get(votePath(row, voteField));
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  }

  async function save(values: MeetingFormValues) {
    setSaving(true);
    try {
      const input = inputOfValues(values);
      const saved = meeting ? await meetingStore.update(meeting.id, input) : await meetingStore.add(branch.id, input);
      const failed: string[] = [];
      for (const file of values.pendingFiles ?? []) {
        try {
          await meetingStore.addAttachment({ ownerTable: 'meetings', ownerId: saved.id, ...file });
        } catch (error) {
          failed.push(messageOf(error));
        }
      }
      if (failed.length > 0) {
        message.warning(`会议记录已保存，但有附件未能保存：${failed.join('；')}`);
      } else {
        message.success('会议记录已保存');
      }
      draft.clear();
      guard.markClean();
      void navigate(`/meetings/${saved.id}`, { replace: !meeting });
    } catch (error) {
      if (error instanceof ValidationError) {
        const fields: readonly string[] = FORM_FIELDS;
        setFieldProblems(
          form,
          error.problems.filter((p) => fields.includes(p.field)).map((p) => ({ ...p, field: formFieldOf(p.field) })),
        );
        message.error(`请检查：${error.problems.map((p) => p.message).join('；')}`);
      } else {
        message.error(failureMessage('保存', error));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<MeetingFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={(values) => void save(values)}
      onFinishFailed={() => message.error('请先填写标红的项目')}
      scrollToFirstError
    >
      {draft.offer && (
        <DraftNotice
          savedAt={draft.offer.savedAt}
          onRestore={() => {
            form.setFieldsValue(draft.offer?.values ?? {});
            guard.markDirty();
            draft.dismiss();
          }}
          onDiscard={draft.clear}
        />
      )}
      <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="type" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
              <Select options={typeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="alsoCountsAs" label="同时计为" tooltip="例如主题党日同时上党课，可同时计为党课">
              <Select mode="multiple" allowClear placeholder="不计为其他会议" options={typeOptions.filter((o) => o.value !== type)} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <DateField name="start" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]} withTime />
          </Col>
          <Col xs={24} md={8}>
            <DateField name="end" label="结束时间" withTime />
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="location" label="地点">
              <Input maxLength={100} placeholder="如：三楼党员活动室" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="hostId" label="主持人">
              <Select allowClear showSearch={personSearch} options={people} placeholder="请选择主持人" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="recorderId" label="记录人">
              <Select allowClear showSearch={personSearch} options={people} placeholder="请选择记录人" />
            </Form.Item>
          </Col>
          {type === '党小组会' && (
            <Col xs={24} md={8}>
              <Form.Item name="partyGroupId" label="党小组" rules={[{ required: true, message: '党小组会请选择党小组' }]}>
                <Select options={groupOptions} placeholder="请选择党小组" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Card>

      <Card title="出席情况" size="small" style={{ marginBottom: 16 }}>
        {countsOnly ? (
          <HeadcountFields
            onRecordList={() => {
              const all = allFormValues(form);
              const groupId = all.type === '党小组会' ? all.partyGroupId : undefined;
              form.setFieldsValue({ headcount: undefined, attendance: mergeAttendance(expectedParticipantIds(all.type, members, branch, groupId), []) });
              setCountsOnly(false);
            }}
          />
        ) : (
          <Form.Item name="attendance" label="出席情况" noStyle>
            <AttendanceField members={members} />
          </Form.Item>
        )}
        <Form.Item name="attendees" label="列席人员" style={{ marginTop: 16, marginBottom: 0 }}>
          <TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="如：入党积极分子张某、上级党组织指导人员" />
        </Form.Item>
      </Card>

      <Card title="议题与会议内容" size="small" style={{ marginBottom: 16 }}>
        <Form.Item label="议题" required={false}>
          <Form.List name="topics">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8}>
                    <Form.Item name={field.name} noStyle>
                      <Input aria-label={`议题${index + 1}`} placeholder={`议题${index + 1}`} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={`删除议题${index + 1}`} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  增加议题
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="studyContent" label="学习内容">
          <TextArea autoSize={{ minRows: 3, maxRows: 12 }} placeholder="学习内容记录：学习了哪些文件、讲话精神" />
        </Form.Item>
        <Form.Item label="发言摘要">
          <Form.List name="speeches">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item name={[field.name, 'speakerId']} noStyle rules={[{ required: true, message: '请选择发言人' }]}>
                      <Select
                        aria-label={`发言人${index + 1}`}
                        placeholder="发言人"
                        showSearch={personSearch}
                        options={people}
                        style={{ width: 140, flex: 'none' }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'text']} noStyle>
                      <TextArea aria-label={`发言摘要${index + 1}`} autoSize={{ minRows: 2, maxRows: 8 }} placeholder="发言摘要" />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={`删除发言${index + 1}`} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                  增加发言
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="content" label="会议内容" style={{ marginBottom: 0 }}>
          <TextArea autoSize={{ minRows: 4, maxRows: 20 }} placeholder="会议过程、讨论情况、工作部署等" />
        </Form.Item>
      </Card>

      <Card title="决议" size="small" style={{ marginBottom: 16 }}>
        <Form.List name="resolutions">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" type="inner" title={`决议${index + 1}`} extra={
                  <Button size="small" type="link" danger onClick={() => remove(field.name)}>
                    删除决议{index + 1}
                  </Button>
                }>
                  <Form.Item name={[field.name, 'text']} label="决议内容" rules={[{ required: true, whitespace: true, message: '请填写决议内容' }]}>
                    <TextArea aria-label={`决议${index + 1}内容`} autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                  <Space wrap align="start">
                    {VOTE_FIELDS.map(([voteField, label]) => (
                      <Form.Item
                        key={voteField}
                        name={[field.name, voteField]}
                        label={label}
                        style={{ marginBottom: 0 }}
                        dependencies={voteDependencies(field.name, voteField)}
                        rules={[{ validator: () => voteCheck(field.name, voteField) }]}
                      >
                        <InputNumber aria-label={`决议${index + 1}${label}票数`} min={0} precision={0} suffix="票" />
                      </Form.Item>
                    ))}
                  </Space>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                增加决议
              </Button>
            </Space>
          )}
        </Form.List>
      </Card>

      <Card title="附件" size="small" style={{ marginBottom: 16 }}>
        {meeting ? (
          <MeetingAttachments meetingId={meeting.id} />
        ) : (
          <Form.Item name="pendingFiles" noStyle>
            <PendingAttachments />
          </Form.Item>
        )}
      </Card>

      <Flex gap={8} className="meeting-form-actions">
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
        <Button onClick={() => void navigate(meeting ? `/meetings/${meeting.id}` : '/meetings')}>取消</Button>
      </Flex>
    </Form>
  );
}

const VOTE_FIELDS: readonly (readonly [VoteField, string])[] = [
  ['votesFor', '赞成'],
  ['votesAgainst', '反对'],
  ['abstentions', '弃权'],
];

/** What a vote count is checked against: who attended (list or counts), the type and day, the other counts. */
function voteDependencies(row: number, voteField: VoteField) {
  return [
    'attendance', 'type', 'alsoCountsAs', 'start', 'partyGroupId', ['headcount', 'present'],
    ...VOTE_FIELDS.filter(([f]) => f !== voteField).map(([f]) => ['resolutions', row, f]),
  ];
}

/** 应到/实到/请假/缺席 as numbers (出席名单未导入), each checked against the others on its own field. */
function HeadcountFields({ onRecordList }: { onRecordList: () => void }) {
  const parts = [
    ['expected', '应到'],
    ['present', '实到'],
    ['onLeave', '请假'],
    ['absent', '缺席'],
  ] as const;
  return (
    <div role="group" aria-label="出席人数">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${NO_ATTENDANCE_LIST}：台账只记了人数`}
        description="人数照台账保存，可以修改；到会人数和表决按这些人数核对。需要登记名单时，点“登记出席名单”，之后不再保存这些人数。"
        action={<Button size="small" onClick={onRecordList}>登记出席名单</Button>}
      />
      <Space wrap align="start">
        {parts.map(([part, label]) => (
          <Form.Item
            key={part}
            name={['headcount', part]}
            label={label}
            style={{ marginBottom: 0 }}
            dependencies={parts.filter(([p]) => p !== part).map(([p]) => ['headcount', p])}
            rules={[
              ...(part === 'expected' || part === 'present' ? [{ required: true, message: `请填写${label}人数` }] : []),
              ({ getFieldValue }) => ({
                validator: () => {
                  const value = (p: string) => {
                    const v: unknown = getFieldValue(['headcount', p]);
                    return typeof v === 'number' ? v : undefined;
                  };
                  const problem = headcountProblems({ expected: value('expected'), present: value('present'), onLeave: value('onLeave'), absent: value('absent') }).find(
                    (x) => x.part === part,
                  );
                  return problem ? Promise.reject(new Error(problem.message)) : Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber aria-label={`${label}人数`} min={0} precision={0} suffix="人" />
          </Form.Item>
        ))}
      </Space>
    </div>
  );
}

/** `/meetings/new?type=…&group=…&date=YYYY-MM-DD` and `/meetings/:id/edit`. */
export function MeetingFormPage() {
  const branch = useBranch();
  const members = useMembers(branch.id);
  const { id } = useParams();
  const [search] = useSearchParams();
  const meeting = useMeeting(id);
  const requestedType = search.get('type');
  const type = requestedType ?? '支部党员大会';
  const group = search.get('group') ?? undefined;
  // 补录 from a past period of the 工作台 starts on that period's first day instead of today.
  const date = search.get('date');
  const startDay = date && isValidIsoDate(date) ? date : undefined;

  const initialValues = useMemo(() => {
    if (!members || (id && !meeting)) {
      return undefined;
    }
    return meeting
      ? valuesOfMeeting(meeting)
      : newMeetingValues(type, branch, members, group, startDay ? dayjs(startDay) : undefined);
    // Computed once per record (keyed by what identifies it, not by the live objects): later live updates must
    // not reset what the user is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately keyed by identity, see above
  }, [members === undefined, meeting === undefined, meeting?.id, id, type, group, startDay, branch.id]);

  if (id && meeting === null) {
    return <Result status="404" title="该会议记录不存在或已被删除" />;
  }
  if (!members || !initialValues) {
    return <Spin />;
  }
  return (
    <div className="meeting-form-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {meeting ? `编辑会议记录：${meeting.title}` : requestedType ? `新建${requestedType}` : '新建会议'}
      </Typography.Title>
      <MeetingFormBody key={meeting?.id ?? `new-${type}-${group ?? ''}`} branch={branch} members={members} meeting={meeting ?? undefined} initialValues={initialValues} />
    </div>
  );
}
