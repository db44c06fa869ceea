import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Col, Form, Input, Result, Row, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { RECTIFICATION_CATEGORIES, RECTIFICATION_FIELD_LABELS, RECTIFICATION_SOURCES, type Member, type Rectification, type RectificationOrigin } from '@shared/model';
import { isOriginTable, ORIGIN_TABLE_LABELS } from '@shared/rectifications';
import { useBranch } from '../../components/BranchContext';
import { DateField } from '../../components/IsoDatePicker';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { useMembers, ValidationError } from '../../db';
import { rectificationStore, useOriginRecord, useRectification, type OriginRecord } from '../../db/rectificationHooks';
import { FORM_FIELDS, inputOfValues, nameOptions, newTaskValues, valuesOfTask, type RectificationFormValues } from './formModel';
import { describeOrigin } from './OriginLink';
import { failureMessage, setFieldProblems } from '../../components/formProblems';

const { TextArea } = Input;
const L = RECTIFICATION_FIELD_LABELS;
const toOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

interface FormBodyProps {
  task?: Rectification;
  origin?: RectificationOrigin;
  originRecord: OriginRecord | null;
  members: Member[];
}

function FormBody({ task, origin, originRecord, members }: FormBodyProps) {
  const branch = useBranch();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<RectificationFormValues>();
  const [saving, setSaving] = useState(false);
  const guard = useUnsavedChanges();
  // Computed once: live updates of members must not reset what is being typed.
  const [initialValues] = useState(() => (task ? valuesOfTask(task) : newTaskValues(branch, members, originRecord)));
  const names = useMemo(() => nameOptions(members), [members]);
  const nameFilter = (input: string, option?: { value: string }) => Boolean(option?.value.includes(input.trim()));

  async function save(values: RectificationFormValues) {
    setSaving(true);
    try {
      const input = inputOfValues(values);
      const saved = task ? await rectificationStore.update(task.id, input) : await rectificationStore.add(branch.id, input, origin);
      message.success(task ? '已保存' : '已新建整改任务');
      guard.markClean();
      void navigate(`/rectifications/${saved.id}`, { replace: !task });
    } catch (error) {
      if (error instanceof ValidationError) {
        const fields: readonly string[] = FORM_FIELDS;
        setFieldProblems(form, error.problems.filter((p) => fields.includes(p.field)));
        message.error(`请检查：${error.problems.map((p) => p.message).join('；')}`);
      } else {
        message.error(failureMessage('保存', error));
      }
    } finally {
      setSaving(false);
    }
  }

  const from = originRecord ? describeOrigin(originRecord, members) : undefined;
  return (
    <Form<RectificationFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={guard.markDirty}
      onFinish={(values) => void save(values)}
      onFinishFailed={() => message.error('请先填写标红的项目')}
      scrollToFirstError
      style={{ maxWidth: 960 }}
    >
      {from && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`来源记录：${from.text}`} description="保存后，整改任务与该记录相互关联，可从任务详情返回原记录。" />
      )}
      <Card title="问题" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="source" label={L.source} rules={[{ required: true, message: '请选择问题来源' }]}>
              <Select options={toOptions(RECTIFICATION_SOURCES)} placeholder="请选择问题来源" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={L.category} rules={[{ required: true, message: '请选择问题类别' }]}>
              <Select options={toOptions(RECTIFICATION_CATEGORIES)} placeholder="请选择问题类别" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="problem" label={L.problem} rules={[{ required: true, whitespace: true, message: '请填写存在问题' }]}>
          <TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={1000} placeholder="查摆出的具体问题，如：理论学习不够系统深入" />
        </Form.Item>
        <Form.Item name="goal" label={L.goal}>
          <TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={1000} placeholder="整改要达到的效果" />
        </Form.Item>
        <Form.Item name="measures" label={L.measures} extra="开始整改前须填写整改措施、责任人和完成时限。">
          <TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} placeholder="具体措施，可分条填写" />
        </Form.Item>
      </Card>
      <Card title="责任与时限" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="leader" label={L.leader}>
              <AutoComplete options={names} filterOption={nameFilter} placeholder="如：书记" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="owner" label={L.owner} extra="多人用顿号分隔">
              <AutoComplete options={names} filterOption={nameFilter} placeholder="具体负责落实的人" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <DateField name="deadline" label={L.deadline} placeholder="请选择完成时限" />
          </Col>
        </Row>
        <Form.Item name="outcome" label={L.outcome} extra="提交验收和销号时须有完成情况。">
          <TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} placeholder="整改完成后的情况" />
        </Form.Item>
      </Card>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
        <Button onClick={() => void navigate(task ? `/rectifications/${task.id}` : '/rectifications')}>取消</Button>
      </Space>
    </Form>
  );
}

/** `/rectifications/new?from=meetings&id=…` (or plain `new`) and `/rectifications/:id/edit`. */
export function RectificationFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const branch = useBranch();
  const navigate = useNavigate();
  const members = useMembers(branch.id);
  const task = useRectification(id);
  const fromTable = params.get('from');
  const fromId = params.get('id');
  const origin: RectificationOrigin | undefined = !id && isOriginTable(fromTable) && fromId ? { table: fromTable, id: fromId } : undefined;
  const originRecord = useOriginRecord(origin);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(id ? `/rectifications/${id}` : '/rectifications')}>
      {id ? '返回任务' : '整改台账'}
    </Button>
  );

  if (id && task === null) {
    return <Result status="404" title="该整改任务不存在或已被删除" extra={<Button onClick={() => void navigate('/rectifications')}>返回整改台账</Button>} />;
  }
  if (origin && (originRecord === null || (originRecord && originRecord.record.branchId !== branch.id))) {
    return (
      <Result
        status="404"
        title={`来源${ORIGIN_TABLE_LABELS[origin.table]}不存在或已被删除`}
        extra={<Button onClick={() => void navigate('/rectifications/new')}>直接新建整改任务</Button>}
      />
    );
  }
  if (!members || (id && !task) || originRecord === undefined) {
    return <Spin />;
  }
  return (
    <div>
      <Space align="center" style={{ marginBottom: 16 }}>
        {back}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {id ? '编辑整改任务' : '新建整改任务'}
        </Typography.Title>
      </Space>
      <FormBody task={task ?? undefined} origin={origin} originRecord={originRecord} members={members} />
    </div>
  );
}
