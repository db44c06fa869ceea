import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatDate, todayIso } from '@shared/dates';
import { TRAINING_FORMS, type Member, type TrainingRecord } from '@shared/model';
import { trainingFindings } from '@shared/rules/training';
import { DURATION_UNITS, hoursByMember, hoursOf, type TrainingSettings } from '@shared/training';
import { useBranch } from '../../components/BranchContext';
import { FindingList } from '../../components/FindingList';
import { DateField } from '../../components/IsoDatePicker';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { useYearParam, YearPageHeader } from '../../components/YearSelect';
import { useMembers, ValidationError } from '../../db';
import { useMeetings } from '../../db/meetingHooks';
import { trainingStore, useTraining, useTrainingSettings, type TrainingInput } from '../../db/trainingHooks';
import { GuardedFormModal } from '../../components/GuardedFormModal';
import { failureMessage, setFieldProblems } from '../../components/formProblems';

/** `/training?year=2025`: each member's 学时 of the year against the goal, and the records, added and edited here. */
export function TrainingPage() {
  const branch = useBranch();
  const { message } = App.useApp();
  const today = todayIso();
  const { year, currentYear, setYear } = useYearParam(today);
  const members = useMembers(branch.id);
  const records = useTraining(branch.id, year);
  const settings = useTrainingSettings();
  // 每周一学 counts the year's 集中学习 meetings, as on 工作台.
  const meetings = useMeetings(branch.id, { year });
  const [editing, setEditing] = useState<{ record?: TrainingRecord; memberId?: string } | null>(null);

  const rows = useMemo(() => (members && records && settings ? hoursByMember(branch, members, records, year, settings) : undefined), [branch, members, records, settings, year]);
  const findings = useMemo(
    () => (members && records && settings && meetings ? trainingFindings({ branch, members, records, meetings, today, year, settings }) : []),
    [branch, members, records, meetings, settings, today, year],
  );
  if (!rows || !records || !settings || !members) {
    return <Skeleton active />;
  }
  const nameOf = new Map(members.map((m) => [m.id, m.name]));
  const sorted = [...records].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

  return (
    <Flex vertical gap={16}>
      <YearPageHeader title="学习培训学时" year={year} currentYear={currentYear} onYear={setYear}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          登记学时
        </Button>
      </YearPageHeader>
      <Table
        size="small"
        rowKey={(r) => r.member.id}
        aria-label={`${year}年学时统计`}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: '姓名', render: (_, r) => r.member.name },
          { title: '职务', dataIndex: 'post' },
          { title: '学时', align: 'right', render: (_, r) => `${r.hours}学时` },
          { title: '目标', align: 'right', render: (_, r) => `${r.goal}学时` },
          { title: '差额', align: 'right', render: (_, r) => (r.gap > 0 ? <Typography.Text type="danger">差{r.gap}学时</Typography.Text> : '已达标') },
          { title: '', render: (_, r) => <Button size="small" onClick={() => setEditing({ memberId: r.member.id })}>登记</Button> },
        ]}
      />
      <Card size="small" title="学时检查">
        <FindingList findings={findings} label="学时检查结果" empty={`${year}年学时未发现问题。`} />
      </Card>
      <Card size="small" title={`${year}年学时记录`}>
        <Table
          size="small"
          rowKey="id"
          aria-label={`${year}年学时记录`}
          dataSource={sorted}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '日期', render: (_, r) => formatDate(r.date) },
            { title: '姓名', render: (_, r) => nameOf.get(r.memberId) ?? '' },
            { title: '学习培训内容', dataIndex: 'activity' },
            { title: '形式', dataIndex: 'form' },
            { title: '学时', align: 'right', render: (_, r) => `${r.hours}学时` },
            {
              title: '操作',
              render: (_, r) => (
                <Space>
                  <Button size="small" type="link" onClick={() => setEditing({ record: r })}>
                    编辑
                  </Button>
                  <Popconfirm
                    title="删除这条学时记录？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => void trainingStore.remove(r.id).catch((e: unknown) => message.error(failureMessage('删除', e)))}
                  >
                    <Button size="small" type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <TrainingModal branchId={branch.id} members={members} settings={settings} record={editing.record} memberId={editing.memberId} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}

interface TrainingModalProps {
  branchId: string;
  members: readonly Member[];
  settings: TrainingSettings;
  record?: TrainingRecord;
  memberId?: string;
  onClose: () => void;
}

/** 登记学时 / 编辑学时记录: 日期, 姓名, 活动, 形式, 学时 (半天 and 一天 fill the usual 计时). */
function TrainingModal({ branchId, members, settings, record, memberId, onClose }: TrainingModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TrainingInput>();
  const guard = useUnsavedChanges();
  const [saving, setSaving] = useState(false);
  const current = members.filter((m) => !m.departure || m.id === record?.memberId || m.id === memberId);

  async function save(values: TrainingInput) {
    setSaving(true);
    try {
      await (record ? trainingStore.update(record.id, values) : trainingStore.add(branchId, values));
      guard.markClean();
      message.success('已保存学时记录');
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) {
        setFieldProblems(form, error.problems);
      } else {
        message.error(failureMessage('保存', error));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <GuardedFormModal title={record ? '编辑学时记录' : '登记学时'} saving={saving} form={form} guard={guard} onClose={onClose}>
      <Form<TrainingInput>
        form={form}
        name="training"
        layout="vertical"
        initialValues={record ? { date: record.date, memberId: record.memberId, activity: record.activity, form: record.form, hours: record.hours } : { date: todayIso(), memberId, form: '支部学习' }}
        onValuesChange={guard.markDirty}
        onFinish={(values) => void save(values)}
      >
        <DateField name="date" label="日期" rules={[{ required: true, message: '请填写日期' }]} />
        <Form.Item name="memberId" label="姓名" rules={[{ required: true, message: '请选择党员' }]}>
          <Select showSearch optionFilterProp="label" options={current.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="activity" label="学习培训内容" rules={[{ required: true, message: '请填写学习培训内容' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="form" label="形式" rules={[{ required: true, message: '请选择形式' }]}>
          <Select options={TRAINING_FORMS.map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item label="学时" required>
          <Space>
            <Form.Item name="hours" noStyle rules={[{ required: true, message: '请填写学时' }]}>
              <InputNumber aria-label="学时" min={0.5} step={0.5} />
            </Form.Item>
            {DURATION_UNITS.map((unit) => (
              <Button
                key={unit}
                onClick={() => {
                  form.setFieldValue('hours', hoursOf(unit, settings));
                  guard.markDirty();
                }}
              >
                {unit}（{hoursOf(unit, settings)}学时）
              </Button>
            ))}
          </Space>
        </Form.Item>
      </Form>
    </GuardedFormModal>
  );
}
