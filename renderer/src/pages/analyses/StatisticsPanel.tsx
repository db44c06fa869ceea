import { Card, Col, Row, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { statisticsSummary, type StatTable, type TeamStatistics } from '@shared/analyses';
import { formatDate } from '@shared/dates';
import { statChartOption } from './chartOptions';
import { StatChart } from './StatChart';

interface StatRowView {
  key: string;
  label: string;
  count: number;
  percent: string;
  total?: boolean;
}

/** One dimension: 类别 | 人数 | 占比 with 合计, and its chart. */
function StatCard({ table }: { table: StatTable }) {
  const option = useMemo(() => statChartOption(table), [table]);
  const rows: StatRowView[] = [
    ...table.rows.map((r) => ({ key: r.label, label: r.label, count: r.count, percent: `${r.percent}%` })),
    { key: '合计', label: '合计', count: table.total, percent: table.total > 0 ? '100%' : '—', total: true },
  ];
  return (
    <Card title={table.title} size="small" style={{ height: '100%' }}>
      <Table<StatRowView>
        aria-label={`${table.title}统计表`}
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        rowClassName={(r) => (r.total ? 'analysis-stat-total' : '')}
        columns={[
          { title: '类别', dataIndex: 'label' },
          { title: '人数', dataIndex: 'count', width: 70, align: 'right' },
          { title: '占比', dataIndex: 'percent', width: 80, align: 'right' },
        ]}
        style={{ marginBottom: 12 }}
      />
      {table.total > 0 && <StatChart option={option} label={`${table.title}图表`} height={table.rows.length > 5 ? 260 : 220} />}
    </Card>
  );
}

/** 队伍统计: the roster on the period's last day in the dimensions of the 党内统计公报, as tables and charts. */
export function StatisticsPanel({ statistics }: { statistics: TeamStatistics }) {
  return (
    <>
      <Typography.Paragraph>{statisticsSummary(statistics, formatDate)}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        按期间最后一天（{formatDate(statistics.asOf)}）的党员名册统计；年龄、党龄按当天已满周岁计算，党龄自转正之日起算（党章 第七条）。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {statistics.tables.map((table) => (
          <Col xs={24} lg={12} xxl={8} key={table.dimension}>
            <StatCard table={table} />
          </Col>
        ))}
      </Row>
    </>
  );
}
