import type { EChartsCoreOption } from 'echarts/core';
import type { StatDimension, StatTable } from '@shared/analyses';

/** Shares of a whole read best as a pie; ordered classes (ages, eras) as bars. */
const PIE_DIMENSIONS: ReadonlySet<StatDimension> = new Set(['category', 'gender', 'ethnicity', 'education']);

const COLORS = ['#c8161d', '#1677ff', '#fa8c16', '#52c41a', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c', '#2f54eb', '#a0d911'];

export function isPieChart(table: Pick<StatTable, 'dimension'>): boolean {
  return PIE_DIMENSIONS.has(table.dimension);
}

/** The option of one statistics chart, built from the table alone (no echarts at run time here). */
export function statChartOption(table: StatTable): EChartsCoreOption {
  if (isPieChart(table)) {
    const rows = table.rows.filter((r) => r.count > 0);
    return {
      aria: { enabled: true },
      color: COLORS,
      tooltip: { trigger: 'item', formatter: '{b}：{c}人（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          name: table.title,
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c}人' },
          data: rows.map((r) => ({ name: r.label, value: r.count })),
        },
      ],
    };
  }
  return {
    aria: { enabled: true },
    color: [COLORS[0]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '人' },
    yAxis: { type: 'category', inverse: true, data: table.rows.map((r) => r.label), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{ name: table.title, type: 'bar', barMaxWidth: 18, label: { show: true, position: 'right' }, data: table.rows.map((r) => r.count) }],
  };
}
