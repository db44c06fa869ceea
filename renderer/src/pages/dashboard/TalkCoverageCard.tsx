import { Card, Flex, Progress, Typography } from 'antd';
import { Link } from 'react-router';
import { coverageView, type MustTalkItem, type RuleSettings, type TalkCoverage } from '@shared/rules';

function strokeOf(percent: number): string {
  return percent >= 100 ? '#52c41a' : percent >= 60 ? '#1677ff' : '#fa8c16';
}

/** 谈心谈话 of the year: coverage of each requirement of 第十九条 and the 必谈事项 still open. */
export function TalkCoverageCard({
  year,
  coverage,
  mustTalk,
  settings,
}: {
  year: number;
  coverage: TalkCoverage;
  mustTalk: readonly MustTalkItem[];
  settings: RuleSettings;
}) {
  const open = mustTalk.filter((i) => i.status !== 'done');
  const overdue = open.filter((i) => i.status === 'overdue').length;
  return (
    <Card
      title={`${year}年谈心谈话`}
      extra={<Link to={`/talks?tab=coverage&year=${year}`}>覆盖情况</Link>}
      style={{ height: '100%' }}
    >
      <Flex vertical gap={12}>
        {coverage.requirements.length === 0 && <Typography.Text type="secondary">谈心谈话的覆盖要求均设为不检查。</Typography.Text>}
        {coverage.requirements.map((r) => {
          const view = coverageView(r, coverage);
          return (
            <section key={r.requirement} aria-label={`${r.label}覆盖率`}>
              <Flex justify="space-between">
                <Link to={`/talks?tab=coverage&year=${year}`}>{r.label}</Link>
                <Typography.Text type="secondary">{view.text}</Typography.Text>
              </Flex>
              {view.applies && (
                <Progress percent={view.percent} showInfo={false} strokeColor={strokeOf(view.percent)} aria-label={`${r.label}覆盖率 ${view.percent}%`} />
              )}
            </section>
          );
        })}
        <section aria-label="必谈事项">
          {settings.mustTalk.enabled ? (
            <Typography.Text>
              必谈事项：
              <Link to={`/talks?tab=mustTalk&year=${year}`}>{open.length === 0 ? '没有未谈的' : `${open.length} 项未谈`}</Link>
              {overdue > 0 && <Typography.Text type="danger">（其中 {overdue} 项已超过{settings.mustTalk.graceDays}天）</Typography.Text>}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">必谈事项：不检查</Typography.Text>
          )}
        </section>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          依据：《中国共产党支部工作条例（试行）》第十九条，每年谈心谈话一般不少于{settings.talkMinPerPair}次
        </Typography.Text>
      </Flex>
    </Card>
  );
}
