import { Col, Empty, Row, Typography } from 'antd';
import { useMemo } from 'react';
import type { Meeting } from '@shared/model';
import type { TalkRequirementCoverage } from '@shared/rules';
import { meetingsChartOption, meetingsPerMonth, talkCoverageChartOption } from './chartOptions';
import { EChart } from './EChart';

export interface DashboardChartsProps {
  year: number;
  today: string;
  meetings: readonly Meeting[];
  talkRequirements: readonly TalkRequirementCoverage[];
}

/** The two charts of 工作台; loaded with ECharts on first use (React.lazy in DashboardPage). */
export default function DashboardCharts({ year, today, meetings, talkRequirements }: DashboardChartsProps) {
  const monthly = useMemo(() => meetingsPerMonth(meetings, year, today), [meetings, year, today]);
  const meetingsOption = useMemo(() => meetingsChartOption(monthly), [monthly]);
  const talksOption = useMemo(() => talkCoverageChartOption(talkRequirements), [talkRequirements]);
  const describeMeetings = `${year}年各月召开的会议：${monthly.types.map((t) => `${t}${monthly.counts[t].reduce((a, b) => a + b, 0)}次`).join('，') || '无'}`;
  const describeTalks = `${year}年谈心谈话覆盖率：${talkRequirements.map((r) => `${r.label}${r.percent}%`).join('，') || '未检查'}`;

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} xl={15}>
        <Typography.Text strong>各月会议次数（按类型）</Typography.Text>
        {monthly.total === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年还没有会议记录`} />
        ) : (
          <EChart option={meetingsOption} height={280} label={describeMeetings} />
        )}
      </Col>
      <Col xs={24} xl={9}>
        <Typography.Text strong>谈心谈话覆盖率</Typography.Text>
        {talkRequirements.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="谈心谈话要求均设为不检查" />
        ) : (
          <EChart option={talksOption} height={200} label={describeTalks} />
        )}
      </Col>
    </Row>
  );
}
