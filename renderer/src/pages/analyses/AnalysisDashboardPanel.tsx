import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { attentionWithoutTalk, currentAndPreviousDue, type DuePeriod } from '@shared/analyses';
import { formatDate, todayIso } from '@shared/dates';
import { isReportedPeriod } from '@shared/rules';
import { useBranch } from '../../components/BranchContext';
import { useMembers } from '../../db';
import { useAnalyses, useAnalysisSettings, useBranchTalksFrom } from '../../db/analysisHooks';
import { useReportingStart } from '../../db/dashboardHooks';
import { useNameOf } from '../meetings/people';
import { useReveal } from './useReveal';
import './analyses.css';

export const ANALYSIS_PANEL_TITLE = '思想动态分析';

function newPath(due: DuePeriod): string {
  return `/analyses/new?kind=${due.period.kind}&year=${due.period.year}&index=${due.period.index}`;
}

function DueLine({ due, current }: { due: DuePeriod; current: boolean }) {
  if (due.analysis) {
    return (
      <li>
        <Link to={`/analyses/${due.analysis.id}`}>{due.period.label}</Link>
        <Tag color="green">{due.analysis.submittedOn ? `${formatDate(due.analysis.submittedOn)}报送` : '已完成，未报送'}</Tag>
      </li>
    );
  }
  return (
    <li>
      <Typography.Text>{due.period.label}</Typography.Text>
      {current ? <Tag color="blue">{formatDate(due.period.end)}前完成</Tag> : <Tag color="orange">未开展</Tag>}
      <Link to={newPath(due)}>{current ? '新建分析' : '补录'}</Link>
    </li>
  );
}

/**
 * For the 工作台: the analysis due for the current period (and the previous one if it is missing), and the
 * members marked 需关注 who have not been talked with since. Their names stay hidden until revealed.
 */
export function AnalysisDashboardPanel() {
  const branch = useBranch();
  const analyses = useAnalyses(branch.id);
  const settings = useAnalysisSettings();
  const members = useMembers(branch.id);
  const talks = useBranchTalksFrom(branch.id);
  const nameOf = useNameOf(members);
  const reveal = useReveal();
  const today = todayIso();
  // A period that ended before 台账起始日期 is not reported missing (shared/rules/ledgerStart.ts).
  const reportingStart = useReportingStart(branch);

  const due = useMemo(() => (analyses && settings ? currentAndPreviousDue(analyses, settings.period, today) : undefined), [analyses, settings, today]);
  const waiting = useMemo(
    () => (analyses && settings && members && talks ? attentionWithoutTalk(analyses, talks, members, settings, today) : undefined),
    [analyses, settings, members, talks, today],
  );

  return (
    <Card title={ANALYSIS_PANEL_TITLE} extra={<Link to="/analyses">全部分析</Link>}>
      {!due || !waiting ? (
        <Skeleton active />
      ) : (
        <>
          <ul className="analysis-dashboard-list" aria-label="本期思想动态分析">
            {due.previous.state === 'past' && !due.previous.analysis && reportingStart !== undefined && isReportedPeriod(due.previous.period, reportingStart) && (
              <DueLine due={due.previous} current={false} />
            )}
            <DueLine due={due.current} current />
          </ul>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            需关注党员谈话跟进
          </Typography.Title>
          {waiting.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="需关注党员均已在分析后谈心谈话" />
          ) : (
            <>
              <Flex gap={8} align="center" wrap>
                <Typography.Text>
                  {waiting.length}名需关注党员在分析后尚无谈心谈话记录
                </Typography.Text>
                {reveal.revealed ? (
                  <Button size="small" onClick={reveal.hide}>
                    隐藏名单
                  </Button>
                ) : (
                  <Button size="small" onClick={reveal.request}>
                    显示名单
                  </Button>
                )}
              </Flex>
              {reveal.revealed && (
                <ul className="analysis-dashboard-list" aria-label="需关注党员">
                  {waiting.map((item) => (
                    <li key={item.memberId}>
                      <Link to={`/analyses/${item.analysisId}?tab=entries`}>{nameOf(item.memberId)}</Link>
                      <Typography.Text type="secondary">
                        {item.periodLabel}：{item.state}；{item.lastTalkOn ? `最近谈话 ${formatDate(item.lastTalkOn)}` : '尚无谈话记录'}
                      </Typography.Text>
                      <Link to="/talks">记录谈话</Link>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </Card>
  );
}
