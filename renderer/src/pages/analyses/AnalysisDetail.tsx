import { DeleteOutlined, EditOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Popconfirm, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  analysisPeriodLabel,
  asRegularPeriod,
  nextRegularPeriod,
  previousAnalysisOf,
  stateCounts,
  teamStatistics,
} from '@shared/analyses';
import { formatDate } from '@shared/dates';
import { oneOf } from '@shared/oneOf';
import { ANALYSIS_FIELD_LABELS, isSensitiveState, type Analysis, type AnalysisSettings, type AuditEntry } from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { ChangeHistoryTimeline, type DescribedChange } from '../../components/ChangeHistoryTimeline';
import { useMembers } from '../../db';
import {
  analysisStore,
  useAnalyses,
  useAnalysis,
  useAnalysisHistory,
  useAnalysisSettings,
  useBranchRectifications,
  useBranchTalksFrom,
} from '../../db/analysisHooks';
import { useNameOf } from '../meetings/people';
import { ComparisonPanel } from './ComparisonPanel';
import { EntriesTable, StateTag } from './EntriesTable';
import { StatisticsPanel } from './StatisticsPanel';
import { RevealButton, useReveal } from './useReveal';
import { failureMessage } from '../../components/formProblems';

type TabKey = 'content' | 'entries' | 'statistics' | 'comparison' | 'history';
const TAB_KEYS: readonly TabKey[] = ['content', 'entries', 'statistics', 'comparison', 'history'];

const TEXT_KEYS = ['overall', 'political', 'work', 'interests', 'social', 'other', 'tendencies', 'causes', 'measures'] as const;

function Multiline({ text }: { text?: string }) {
  return text ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : <Typography.Text type="secondary">未填写</Typography.Text>;
}

/** A changed date as the history shows it. */
function dateText(value: unknown): string {
  return (typeof value === 'string' && formatDate(value)) || '（空）';
}

function shorten(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '（空）';
  }
  const text = Array.isArray(value)
    ? value.join('、')
    : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** The change log in words; entries only as counts, so the log never shows who is 需关注. */
function describeChanges(changes: AuditEntry['changes']): DescribedChange[] {
  if (!changes) {
    return [];
  }
  const labels: Record<string, string> = ANALYSIS_FIELD_LABELS;
  return Object.entries(changes)
    .filter(([field]) => field in labels)
    .map(([field, [before, after]]) => {
      if (field === 'entries' || field === 'talkIds' || field === 'rectificationIds') {
        const count = (v: unknown) => `${Array.isArray(v) ? v.length : 0}条`;
        return { field, label: labels[field], before: count(before), after: field === 'entries' ? `${count(after)}（内容已修改）` : count(after) };
      }
      if (field === 'periodStart' || field === 'periodEnd' || field === 'submittedOn') {
        return { field, label: labels[field], before: dateText(before), after: dateText(after) };
      }
      return { field, label: labels[field], before: shorten(before), after: shorten(after) };
    });
}

/** `/analyses/:id`: the analysis, its members (masked), 队伍统计, 对比上期 and its change log. */
export function AnalysisDetailPage() {
  const { id } = useParams();
  const branch = useBranch();
  const analysis = useAnalysis(id);
  const analyses = useAnalyses(branch.id);
  const members = useMembers(branch.id);
  const settings = useAnalysisSettings();

  if (analysis === null) {
    return <Result status="404" title="该思想动态分析不存在或已被删除" extra={<Link to="/analyses">返回思想动态分析</Link>} />;
  }
  if (!analysis || !analyses || !members || !settings) {
    return <Spin />;
  }
  return <AnalysisDetail analysis={analysis} analyses={analyses} settings={settings} />;
}

function AnalysisDetail({ analysis, analyses, settings }: { analysis: Analysis; analyses: Analysis[]; settings: AnalysisSettings }) {
  const branch = useBranch();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const members = useMembers(branch.id);
  const nameOf = useNameOf(members);
  const history = useAnalysisHistory(analysis.id);
  const talks = useBranchTalksFrom(branch.id);
  const tasks = useBranchRectifications(branch.id);
  const reveal = useReveal();
  const tab: TabKey = oneOf(TAB_KEYS, params.get('tab')) ?? 'content';

  const label = analysisPeriodLabel(analysis);
  const statistics = useMemo(() => teamStatistics(members ?? [], analysis.periodEnd, branch), [members, analysis.periodEnd, branch]);
  const previous = useMemo(() => previousAnalysisOf(analyses, { kind: analysis.periodKind, start: analysis.periodStart, id: analysis.id }), [analyses, analysis]);
  const sensitiveCount = analysis.entries.filter((e) => isSensitiveState(e.state, settings)).length;
  const counts = stateCounts(analysis.entries, settings).filter((c) => c.count > 0);
  const regular = asRegularPeriod(analysis.periodKind, analysis.periodStart, analysis.periodEnd);
  const next = regular ? nextRegularPeriod(regular) : undefined;
  const nextExists = next ? analyses.some((a) => a.periodKind === next.kind && a.periodStart === next.start) : true;

  async function remove() {
    try {
      await analysisStore.remove(analysis.id);
      message.success(`已删除${label}思想动态分析`);
      void navigate('/analyses', { replace: true });
    } catch (error) {
      message.error(failureMessage('删除', error));
    }
  }

  const linkedTalks = (talks ?? []).filter((t) => analysis.talkIds.includes(t.id));
  const linkedTasks = (tasks ?? []).filter((t) => analysis.rectificationIds.includes(t.id));

  return (
    <div className="analysis-detail-page">
      <Flex align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {label}思想动态分析
        </Typography.Title>
        {analysis.submittedOn ? <Tag color="green">{formatDate(analysis.submittedOn)}报送</Tag> : <Tag>未报送</Tag>}
        <Space wrap style={{ marginLeft: 'auto' }}>
          <RevealButton reveal={reveal} count={sensitiveCount} />
          <Button icon={<FileTextOutlined />} onClick={() => void navigate(`/analyses/${analysis.id}/print`)}>
            分析报告
          </Button>
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/analyses/${analysis.id}/edit`)}>
            编辑
          </Button>
          {/* 苗头性倾向性问题 become 整改任务 that link back here. */}
          <Button onClick={() => void navigate(`/rectifications/new?from=analyses&id=${analysis.id}`)}>生成整改任务</Button>
          {next && !nextExists && (
            <Button icon={<PlusOutlined />} onClick={() => void navigate(`/analyses/new?kind=${next.kind}&year=${next.year}&index=${next.index}`)}>
              新建{next.label}分析
            </Button>
          )}
          <Popconfirm title={`删除${label}思想动态分析？`} description="删除后可在变更记录中查到原内容。" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => void remove()}>
            <Button danger icon={<DeleteOutlined />}>
              删除
            </Button>
          </Popconfirm>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary">
        {branch.name}{'\u3000'}{formatDate(analysis.periodStart)}至{formatDate(analysis.periodEnd)}
      </Typography.Paragraph>

      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: 'content',
            label: '分析内容',
            children: (
              <Descriptions bordered column={1} size="small" styles={{ label: { width: 160 } }}>
                <Descriptions.Item label="分析期间">{label}</Descriptions.Item>
                <Descriptions.Item label={ANALYSIS_FIELD_LABELS.methods}>{analysis.methods.join('、') || '未填写'}</Descriptions.Item>
                <Descriptions.Item label={ANALYSIS_FIELD_LABELS.participants}>{analysis.participants ?? '未填写'}</Descriptions.Item>
                <Descriptions.Item label={ANALYSIS_FIELD_LABELS.submittedOn}>{formatDate(analysis.submittedOn) || '未报送'}</Descriptions.Item>
                {TEXT_KEYS.map((key) => (
                  <Descriptions.Item key={key} label={ANALYSIS_FIELD_LABELS[key]}>
                    <Multiline text={analysis[key]} />
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label={ANALYSIS_FIELD_LABELS.talkIds}>
                  {linkedTalks.length === 0
                    ? '无'
                    : linkedTalks.map((t) => (
                        <div key={t.id}>
                          {formatDate(t.date)} {nameOf(t.talkerId)}与{t.intervieweeIds.map(nameOf).join('、')}（{t.kind}）
                        </div>
                      ))}
                </Descriptions.Item>
                <Descriptions.Item label={ANALYSIS_FIELD_LABELS.rectificationIds}>
                  {linkedTasks.length === 0
                    ? '无'
                    : linkedTasks.map((t) => (
                        <div key={t.id}>
                          <Link to={`/rectifications/${t.id}`}>{t.problem}</Link>（{t.status}）
                        </div>
                      ))}
                </Descriptions.Item>
              </Descriptions>
            ),
          },
          {
            key: 'entries',
            label: `党员思想状况（${analysis.entries.length}）`,
            children: (
              <>
                <Flex gap={8} wrap style={{ marginBottom: 12 }} aria-label="思想状况分布">
                  {counts.map((c) => (
                    <span key={c.state}>
                      <StateTag state={c.state} settings={settings} /> {c.count}人
                    </span>
                  ))}
                </Flex>
                <EntriesTable entries={analysis.entries} settings={settings} nameOf={nameOf} revealed={reveal.revealed} />
              </>
            ),
          },
          { key: 'statistics', label: '队伍统计', children: <StatisticsPanel statistics={statistics} /> },
          {
            key: 'comparison',
            label: '对比上期',
            children: <ComparisonPanel analysis={analysis} previous={previous} settings={settings} nameOf={nameOf} revealed={reveal.revealed} />,
          },
          { key: 'history', label: '变更记录', children: <ChangeHistoryTimeline entries={history} describeChanges={describeChanges} /> },
        ]}
      />
    </div>
  );
}
