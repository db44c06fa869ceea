import { Alert, Card, Col, Empty, Flex, Result, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { committeeSizeText } from '@shared/branch/posts';
import { summariseBranch, PROBATION_LOOKAHEAD_MONTHS } from '@shared/branch/summary';
import { describeProbation, describeTerm, type Tone } from '@shared/branch/wording';
import { formatDate, todayIso } from '@shared/dates';
import { secretaryOf, type Member } from '@shared/model';
import { meetingMatrix, mustTalkItems, runAllRules, talkCoverage } from '@shared/rules';
import { useBranch } from '../../components/BranchContext';
import { useDashboardInput } from '../../db/dashboardHooks';
import { AnalysisDashboardPanel } from '../analyses/AnalysisDashboardPanel';
import { RectificationDashboardPanel } from '../rectifications/RectificationDashboardPanel';
import { ChartsCard } from './ChartsCard';
import { DueList } from './DueList';
import { dueItems } from './dueItems';
import { BackupNotice } from './BackupNotice';
import { MeetingMatrix } from './MeetingMatrix';
import { TalkCoverageCard } from './TalkCoverageCard';
import './dashboard.css';

const TONE_COLOR: Record<Tone, string | undefined> = { normal: undefined, warning: 'orange', error: 'red' };

/** Where a member's record opens in 党员花名册. */
function memberPath(memberId: string): string {
  return `/members/${memberId}`;
}

function yearOptions(current: number, chosen: number): { value: number; label: string }[] {
  const years = new Set(Array.from({ length: 6 }, (_, i) => current - i));
  years.add(chosen);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }));
}

/**
 * 工作台 (`/?year=…`): the branch at a glance — members, committee, the year's meetings (类型×月), talks and
 * everything the rules find — with what needs doing soon. Everything links to where it is fixed. The rules
 * follow 设置 → 规则 live.
 */
export function DashboardPage() {
  const branch = useBranch();
  const today = todayIso();
  const currentYear = Number(today.slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || currentYear;
  const input = useDashboardInput(branch.id, year, today);
  const members = input?.members;
  const summary = useMemo(() => (members ? summariseBranch(branch, members, today) : undefined), [branch, members, today]);
  const derived = useMemo(() => {
    if (!input) {
      return undefined;
    }
    return {
      matrix: meetingMatrix(input),
      coverage: talkCoverage(input),
      mustTalk: input.settings.mustTalk.enabled ? mustTalkItems(input) : [],
      due: dueItems(runAllRules(input), input.year),
    };
  }, [input]);

  if (input === null) {
    return <Result status="404" title="该支部不存在或已被删除" />;
  }
  if (!input || !members || !summary || !derived) {
    return <Skeleton active />;
  }
  const term = describeTerm(summary.term);
  const secretaryId = secretaryOf(branch);
  const secretary: Member | undefined = members.find((m) => m.id === secretaryId);
  const committeeText = committeeSizeText(branch, summary.fullMembers);

  return (
    <>
      <BackupNotice />
      <Flex align="center" gap={16} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Select
          aria-label="年度"
          style={{ width: 110, marginLeft: 'auto' }}
          value={year}
          onChange={(y: number) => setParams(y === currentYear ? {} : { year: String(y) }, { replace: true })}
          options={yearOptions(currentYear, year)}
        />
      </Flex>
      <Typography.Paragraph type="secondary">
        {branch.name}
        {branch.isDemo && (
          <Tag color="orange" style={{ marginInlineStart: 8 }}>
            示例
          </Tag>
        )}
        <span style={{ marginInlineStart: branch.isDemo ? 8 : 16 }}>今天是 {formatDate(today)}</span>
      </Typography.Paragraph>

      {summary.warnings.length > 0 && (
        <section aria-label="组织设置提醒" style={{ marginBottom: 16 }}>
          <Flex vertical gap={8}>
            {summary.warnings.map((w) => (
              <Alert
                key={w.kind}
                type="warning"
                showIcon
                title={w.message}
                description={w.rule}
                action={
                  w.kind === 'committee-missing' ? (
                    <Link to="/settings">去设置支委会</Link>
                  ) : (
                    <Link to="/members">查看党员花名册</Link>
                  )
                }
              />
            ))}
          </Flex>
        </section>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="党员人数" extra={<Link to="/members">党员花名册</Link>} style={{ height: '100%' }}>
            <Flex gap={48} wrap>
              <Link to="/members" className="dashboard-count">
                正式党员 <span className="dashboard-count-value">{summary.fullMembers}</span> 人
              </Link>
              <Link to="/members" className="dashboard-count">
                预备党员 <span className="dashboard-count-value">{summary.probationaryMembers}</span> 人
              </Link>
            </Flex>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              共 {summary.activeMembers} 人，不含历史党员。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="支部委员会" extra={<Link to="/settings">支部信息</Link>} style={{ height: '100%' }}>
            <Flex vertical gap={8}>
              {summary.term.state === 'unknown' ? (
                <Typography.Text>
                  届满日期：<Link to="/settings">{term.text}</Link>
                </Typography.Text>
              ) : (
                <Typography.Text>
                  届满日期：<Link to="/settings">{formatDate(summary.term.endsOn)}</Link>
                  <Tag color={TONE_COLOR[term.tone]} style={{ marginInlineStart: 8 }}>
                    {term.text}
                  </Tag>
                </Typography.Text>
              )}
              {summary.term.state === 'running' && summary.term.soon && (
                <Typography.Text type="warning">届满前6个月内，请做好换届选举准备（选举条例 第三条：应按期换届）。</Typography.Text>
              )}
              {summary.term.state === 'expired' && (
                <Typography.Text type="danger">已到届，请及时换届；延期换届须经上级党组织批准，一般不超过1年（选举条例 第三条）。</Typography.Text>
              )}
              <Typography.Text>
                书记：
                {secretary ? <Link to={memberPath(secretary.id)}>{secretary.name}</Link> : <Link to="/settings">未登记</Link>}
                {committeeText && <Typography.Text type="secondary">（{committeeText}）</Typography.Text>}
              </Typography.Text>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <DueList items={derived.due} year={year} />
        </Col>
        <Col xs={24} xl={10}>
          <TalkCoverageCard year={year} coverage={derived.coverage} mustTalk={derived.mustTalk} settings={input.settings} />
        </Col>
        <Col xs={24}>
          <RectificationDashboardPanel />
        </Col>
        <Col xs={24}>
          <AnalysisDashboardPanel />
        </Col>
        <Col xs={24}>
          <Card
            title={`${year}年会议完成情况`}
            extra={
              <Flex gap={16}>
                <Link to="/settings/rules">规则设置</Link>
                <Link to="/meetings">会议记录</Link>
              </Flex>
            }
          >
            <MeetingMatrix rows={derived.matrix} today={today} year={year} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={`预备党员转正（${PROBATION_LOOKAHEAD_MONTHS}个月内到期及已逾期）`}>
            {summary.probationDue.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${PROBATION_LOOKAHEAD_MONTHS}个月内没有预备期满的预备党员`} />
            ) : (
              <ul className="dashboard-lines" aria-label="待转正的预备党员">
                {summary.probationDue.map((due) => {
                  const status = describeProbation(due);
                  return (
                    <li key={due.memberId}>
                      <Link to={memberPath(due.memberId)} className="dashboard-line-name">
                        {due.name}
                      </Link>
                      <Typography.Text type="secondary">入党时间 {formatDate(due.joinedOn)}</Typography.Text>
                      <Typography.Text>预备期满 {formatDate(due.probationEndsOn)}</Typography.Text>
                      <Tag color={TONE_COLOR[status.tone]}>{status.text}</Tag>
                    </li>
                  );
                })}
              </ul>
            )}
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              预备期满应及时召开支部大会讨论转正，报上级党组织审批（党章 第七条）。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24}>
          <ChartsCard year={year} today={today} meetings={input.meetings} talkRequirements={derived.coverage.requirements} />
        </Col>
      </Row>
    </>
  );
}
