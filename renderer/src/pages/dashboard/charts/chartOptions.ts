import type { EChartsCoreOption } from 'echarts/core';
import { MEETING_TYPES, type Meeting } from '@shared/model';
import type { TalkRequirementCoverage } from '@shared/rules';

/**
 * The options of 工作台's two charts, built from records alone (no echarts at run time here: the library itself
 * loads with the charts, on first use).
 */

/** The colours of meetingTypeTag's tags (antd presets), so a type looks the same in the list and the chart. */
export const MEETING_TYPE_COLORS: Record<string, string> = {
  支部党员大会: '#f5222d',
  支部委员会: '#fa541c',
  党小组会: '#fa8c16',
  党课: '#1677ff',
  主题党日: '#eb2f96',
  组织生活会: '#722ed1',
  民主评议党员: '#2f54eb',
  集中学习: '#13c2c2',
};

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

export interface MonthlyCounts {
  /** Types in the built-in order, then types added in 设置, as they first occur. */
  types: string[];
  /** counts[type][month - 1]. */
  counts: Record<string, number[]>;
  total: number;
}

/** Meetings held per month and type in `year` (dated up to today; a meeting counts once, under its own type). */
export function meetingsPerMonth(meetings: readonly Pick<Meeting, 'type' | 'startAt'>[], year: number, today: string): MonthlyCounts {
  const counts: Record<string, number[]> = {};
  let total = 0;
  for (const meeting of meetings) {
    const date = meeting.startAt.slice(0, 10);
    if (date.slice(0, 4) !== String(year) || date > today) {
      continue;
    }
    const row = (counts[meeting.type] ??= new Array<number>(12).fill(0));
    row[Number(date.slice(5, 7)) - 1] += 1;
    total += 1;
  }
  const builtIn: readonly string[] = MEETING_TYPES;
  const types = [...builtIn.filter((t) => counts[t]), ...Object.keys(counts).filter((t) => !builtIn.includes(t))];
  return { types, counts, total };
}

export function meetingsChartOption(data: MonthlyCounts): EChartsCoreOption {
  return {
    color: data.types.map((t) => MEETING_TYPE_COLORS[t] ?? '#8c8c8c'),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: MONTHS },
    yAxis: { type: 'value', minInterval: 1, name: '次' },
    series: data.types.map((type) => ({ name: type, type: 'bar', stack: 'meetings', barMaxWidth: 28, data: data.counts[type] })),
  };
}

export function talkCoverageChartOption(requirements: readonly TalkRequirementCoverage[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}%' },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: requirements.map((r) => r.label) },
    series: [
      {
        name: '谈心谈话覆盖率',
        type: 'bar',
        barMaxWidth: 24,
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: requirements.map((r) => ({
          value: r.percent,
          itemStyle: { color: r.percent >= 100 ? '#52c41a' : r.percent >= 60 ? '#1677ff' : '#fa8c16' },
        })),
      },
    ],
  };
}
