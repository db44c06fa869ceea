import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Result, Row, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { analysisPeriodLabel, indexLabel, isRegularKind, periodsPerYear } from '@shared/analyses';
import { formatDate, todayIso } from '@shared/dates';
import {
  ANALYSIS_FIELD_LABELS,
  ANALYSIS_METHODS,
  ANALYSIS_PERIOD_KINDS,
  type Analysis,
  type AnalysisSettings,
  type Member,
  type Rectification,
  type Talk,
} from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { DateField } from '../../components/IsoDatePicker';
import { DraftNotice, useFormDraft } from '../../components/formDraft';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { useMembers, ValidationError } from '../../db';
import { analysisStore, useAnalyses, useAnalysis, useAnalysisSettings, useBranchRectifications, useBranchTalksFrom } from '../../db/analysisHooks';
import { useNameOf } from '../meetings/people';
import { EntriesField } from './EntriesField';
import {
  formFieldOf,
  inputOfValues,
  newAnalysisValues,
  periodOfValues,
  prefillEntries,
  prefillNote,
  proposedPeriod,
  valuesOfAnalysis,
  type AnalysisFormValues,
  type EntryPrefill,
} from './formModel';
import { useReveal } from './useReveal';
import { failureMessage, setFieldProblems } from '../../components/formProblems';
import { allFormValues } from '../../components/formValues';

const { TextArea } = Input;

const FORM_FIELDS: readonly string[] = [
  'periodKind', 'year', 'index', 'periodStart', 'periodEnd', 'title', 'methods', 'participants', 'overall', 'political', 'work',
  'interests', 'social', 'other', 'tendencies', 'causes', 'measures', 'submittedOn', 'entries', 'talkIds', 'rectificationIds',
];

const TEXT_AREAS: { name: keyof AnalysisFormValues; label: string; placeholder?: string }[] = [
  { name: 'overall', label: ANALYSIS_FIELD_LABELS.overall, placeholder: '本期党员思想总体状况' },
  { name: 'political', label: ANALYSIS_FIELD_LABELS.political, placeholder: '理想信念、政治立场、学习贯彻党的创新理论等' },
  { name: 'work', label: ANALYSIS_FIELD_LABELS.work, placeholder: '工作热情、担当作为、作风纪律等' },
  { name: 'interests', label: ANALYSIS_FIELD_LABELS.interests, placeholder: '职务职级、待遇、家庭困难等诉求' },
  { name: 'social', label: ANALYSIS_FIELD_LABELS.social, placeholder: '对社会热点的看法、心理状态、网络言行等' },
  { name: 'other', label: ANALYSIS_FIELD_LABELS.other },
  { name: 'tendencies', label: ANALYSIS_FIELD_LABELS.tendencies },
  { name: 'causes', label: ANALYSIS_FIELD_LABELS.causes },
  { name: 'measures', label: ANALYSIS_FIELD_LABELS.measures, placeholder: '针对问题采取的措施和对策建议' },
];

function yearOptions(current: number, chosen?: number) {
  const years = new Set(Array.from({ length: 8 }, (_, i) => current + 1 - i));
  if (chosen) {
    years.add(chosen);
  }
  return [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }));
}

function talkLabel(talk: Talk, nameOf: (id: string | undefined) => string): string {
  const whom = talk.intervieweeIds.map(nameOf).join('、');
  return `${formatDate(talk.date)} ${nameOf(talk.talkerId)}与${whom}（${talk.kind}）`;
}

/** `/analyses/new` and `/analyses/:id/edit`. */
export function AnalysisFormPage() {
  const { id } = useParams();
  const branch = useBranch();
  const members = useMembers(branch.id);
  const analyses = useAnalyses(branch.id);
  const settings = useAnalysisSettings();
  const analysis = useAnalysis(id);
  const talks = useBranchTalksFrom(branch.id);
  const tasks = useBranchRectifications(branch.id);

  if (id && analysis === null) {
    return <Result status="404" title="该思想动态分析不存在或已被删除" />;
  }
  if (!members || !analyses || !settings || (id && !analysis) || !talks || !tasks) {
    return <Spin />;
  }
  return (
    <AnalysisFormBody
      key={id ?? 'new'}
      analysis={analysis ?? undefined}
      analyses={analyses}
      members={members}
      settings={settings}
      talks={talks}
      tasks={tasks}
    />
  );
}

interface BodyProps {
  analysis?: Analysis;
  analyses: Analysis[];
  members: Member[];
  settings: AnalysisSettings;
  talks: Talk[];
  tasks: Rectification[];
}

function AnalysisFormBody({ analysis, analyses, members, settings, talks, tasks }: BodyProps) {
  const branch = useBranch();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnalysisFormValues>();
  const reveal = useReveal();
  const nameOf = useNameOf(members);
  const today = todayIso();
  const [saving, setSaving] = useState(false);
  const entriesTouched = useRef(false);
  // A long form too: a draft every few seconds, offered back at the next opening.
  const guard = useUnsavedChanges({ onLeave: () => draft.clear() });
  const draft = useFormDraft(analysis ? `analysis:${analysis.id}` : `analysis:new:${branch.id}`, guard.dirty, () => allFormValues(form));

  // Computed once: later live updates must not reset what the user is typing.
  const [initial] = useState((): { values: AnalysisFormValues; prefill?: EntryPrefill } => {
    if (analysis) {
      return { values: valuesOfAnalysis(analysis) };
    }
    const period = proposedPeriod(analyses, settings, today, {
      kind: params.get('kind'),
      year: Number(params.get('year')) || undefined,
      index: Number(params.get('index')) || undefined,
    });
    const prefill = prefillEntries(analyses, members, period);
    return { values: newAnalysisValues(period, prefill), prefill };
  });
  const [prefill, setPrefill] = useState<EntryPrefill | undefined>(initial.prefill);

  // Watching [] gives the whole form (antd types it any); undefined before the first render.
  const values = Form.useWatch([], form) as Partial<AnalysisFormValues> | undefined;
  const kind = values?.periodKind ?? initial.values.periodKind;
  const period = periodOfValues(values ?? initial.values);
  const currentYear = Number(today.slice(0, 4));

  const talkOptions = useMemo(() => {
    const linked = new Set(values?.talkIds ?? initial.values.talkIds);
    return talks
      .filter((t) => linked.has(t.id) || !period || (t.date >= period.start && t.date <= period.end))
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((t) => ({ value: t.id, label: talkLabel(t, nameOf) }));
  }, [talks, period, values?.talkIds, initial.values.talkIds, nameOf]);
  const taskOptions = tasks.map((t) => ({ value: t.id, label: `${t.problem.slice(0, 40)}（${t.status}）` }));

  function onValuesChange(changed: Partial<AnalysisFormValues>, all: AnalysisFormValues) {
    guard.markDirty();
    if ('entries' in changed) {
      entriesTouched.current = true;
      return;
    }
    const periodChanged = ['periodKind', 'year', 'index', 'periodStart', 'periodEnd'].some((key) => key in changed);
    if (!periodChanged || analysis) {
      return;
    }
    if ('periodKind' in changed && !isRegularKind(all.periodKind) && !all.periodStart) {
      form.setFieldsValue({ periodStart: today, periodEnd: today });
      return;
    }
    if ('periodKind' in changed && isRegularKind(all.periodKind) && all.index && all.index > periodsPerYear(all.periodKind)) {
      form.setFieldsValue({ index: 1 });
      return;
    }
    const next = periodOfValues(all);
    if (next && !entriesTouched.current) {
      const copied = prefillEntries(analyses, members, next);
      setPrefill(copied);
      form.setFieldsValue({ entries: copied.entries });
    }
  }

  async function save(formValues: AnalysisFormValues) {
    setSaving(true);
    try {
      const input = inputOfValues(formValues);
      const saved = analysis
        ? await analysisStore.update(analysis.id, input)
        : await analysisStore.add(branch.id, input, { previousId: prefill?.previous?.id });
      message.success(`${analysisPeriodLabel(saved)}思想动态分析已保存`);
      draft.clear();
      guard.markClean();
      void navigate(`/analyses/${saved.id}`, { replace: !analysis });
    } catch (error) {
      if (error instanceof ValidationError) {
        setFieldProblems(
          form,
          error.problems.map((p) => ({ ...p, field: formFieldOf(p.field, formValues.periodKind) })).filter((p) => FORM_FIELDS.includes(p.field)),
        );
        message.error(`请检查：${error.problems.map((p) => p.message).join('；')}`);
      } else {
        message.error(failureMessage('保存', error));
      }
    } finally {
      setSaving(false);
    }
  }

  const note = analysis ? undefined : prefill ? prefillNote(prefill) : undefined;
  const title = analysis ? `编辑思想动态分析：${analysisPeriodLabel(analysis)}` : '新建思想动态分析';

  return (
    <div className="analysis-form-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Form<AnalysisFormValues>
        form={form}
        layout="vertical"
        initialValues={initial.values}
        onValuesChange={onValuesChange}
        onFinish={(v) => void save(v)}
        onFinishFailed={() => message.error('请先填写标红的项目')}
        scrollToFirstError
      >
        {draft.offer && (
          <DraftNotice
            savedAt={draft.offer.savedAt}
            onRestore={() => {
              form.setFieldsValue(draft.offer?.values ?? {});
              entriesTouched.current = true;
              guard.markDirty();
              draft.dismiss();
            }}
            onDiscard={draft.clear}
          />
        )}
        <Card title="分析期间" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="periodKind" label="分析类型" rules={[{ required: true, message: '请选择分析类型' }]}>
                <Select options={ANALYSIS_PERIOD_KINDS.map((k) => ({ value: k, label: `${k}分析` }))} disabled={Boolean(analysis)} />
              </Form.Item>
            </Col>
            {isRegularKind(kind) ? (
              <>
                <Col xs={12} md={6}>
                  <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
                    <Select options={yearOptions(currentYear, values?.year ?? initial.values.year)} />
                  </Form.Item>
                </Col>
                {kind !== '年度' && (
                  <Col xs={12} md={6}>
                    <Form.Item name="index" label={kind} rules={[{ required: true, message: `请选择${kind}` }]}>
                      <Select options={Array.from({ length: periodsPerYear(kind) }, (_, i) => ({ value: i + 1, label: indexLabel(kind, i + 1) }))} />
                    </Form.Item>
                  </Col>
                )}
                {period && (
                  <Col xs={24} md={6}>
                    <Form.Item label="期间">
                      <Typography.Text>
                        {formatDate(period.start)}至{formatDate(period.end)}
                      </Typography.Text>
                    </Form.Item>
                  </Col>
                )}
              </>
            ) : (
              <>
                <Col xs={24} md={6}>
                  <Form.Item name="title" label={kind === '专题' ? '专题名称' : '事由'} rules={[{ required: true, whitespace: true, message: kind === '专题' ? '请填写专题名称' : '请填写事由' }]}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <DateField name="periodStart" label="期间开始" rules={[{ required: true, message: '请选择期间开始日期' }]} />
                </Col>
                <Col xs={12} md={6}>
                  <DateField name="periodEnd" label="期间结束" rules={[{ required: true, message: '请选择期间结束日期' }]} />
                </Col>
              </>
            )}
          </Row>
        </Card>

        <Card title="基本情况" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={14}>
              <Form.Item name="methods" label={ANALYSIS_FIELD_LABELS.methods}>
                <Checkbox.Group options={ANALYSIS_METHODS.map((m) => ({ value: m, label: m }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="participants" label={ANALYSIS_FIELD_LABELS.participants}>
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <DateField name="submittedOn" label={ANALYSIS_FIELD_LABELS.submittedOn} />
            </Col>
          </Row>
        </Card>

        <Card title="分析内容" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            {TEXT_AREAS.map((field) => (
              <Col xs={24} md={field.name === 'overall' || field.name === 'causes' || field.name === 'measures' ? 24 : 12} key={field.name}>
                <Form.Item name={field.name} label={field.label}>
                  <TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={5000} placeholder={field.placeholder} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        <Card title="党员思想状况" size="small" style={{ marginBottom: 16 }}>
          {note && <Alert type="info" showIcon title={note} style={{ marginBottom: 12 }} />}
          <Form.Item name="entries" style={{ marginBottom: 0 }}>
            <EntriesField members={members} settings={settings} period={period} reveal={reveal} />
          </Form.Item>
        </Card>

        <Card title="关联记录" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="talkIds" label={ANALYSIS_FIELD_LABELS.talkIds} tooltip="本期分析依据的谈心谈话（列出期间内的谈话）">
                <Select mode="multiple" allowClear options={talkOptions} placeholder="选择谈心谈话" showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="rectificationIds" label={ANALYSIS_FIELD_LABELS.rectificationIds}>
                <Select mode="multiple" allowClear options={taskOptions} placeholder="选择整改任务" showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Flex justify="flex-end">
          <Space>
            <Button onClick={() => void navigate(analysis ? `/analyses/${analysis.id}` : '/analyses')}>取消</Button>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
          </Space>
        </Flex>
      </Form>
    </div>
  );
}
