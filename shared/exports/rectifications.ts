import { formatDate } from '../dates';
import { rectificationsLedger } from '../ledgers/definitions';
import type { Rectification } from '../model/rectification';
import { tableFromDefinition, type ExportTable } from './columns';
import { dateCell, WIDTH } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/** 05_整改台账: tasks raised in the period or still open during it, by the day they were raised. */

function raisedOn(task: Rectification): string {
  return task.createdAt.slice(0, 10);
}

export function rectificationsInPeriod(data: Pick<LedgerDataset, 'rectifications'>, options: Pick<ExportOptions, 'period'>): Rectification[] {
  const { start, end } = options.period;
  return data.rectifications
    .filter((task) => {
      const raised = raisedOn(task);
      if (raised > end) {
        return false;
      }
      if (raised >= start) {
        return true;
      }
      // Raised before the period: in it when still open at its start.
      return task.status !== '已销号' || (task.closedOn !== undefined && task.closedOn >= start);
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

function progressText(task: Rectification): string | undefined {
  const lines = task.progress.map((p) => `${formatDate(p.date)}：${p.text}`);
  return lines.length ? lines.join('\n') : undefined;
}

export function rectificationsTable(): ExportTable<Rectification> {
  return tableFromDefinition<Rectification>(rectificationsLedger, [
    { field: 'source', width: WIDTH.enumeration, format: 'text', value: (t) => t.source },
    { field: 'category', width: WIDTH.enumeration, format: 'text', value: (t) => t.category },
    { field: 'problem', width: 30, format: 'text', value: (t) => t.problem },
    { field: 'goal', width: 20, format: 'text', value: (t) => t.goal },
    { field: 'measures', width: 30, format: 'text', value: (t) => t.measures },
    { field: 'leader', width: WIDTH.name, format: 'text', value: (t) => t.leader },
    { field: 'owner', width: WIDTH.name, format: 'text', value: (t) => t.owner },
    { field: 'deadline', width: WIDTH.date, format: 'date', value: (t) => dateCell(t.deadline) },
    { field: 'progress', width: 30, format: 'text', value: progressText },
    { field: 'outcome', width: 24, format: 'text', value: (t) => t.outcome },
    { field: 'closed', width: 8, format: 'text', value: (t) => (t.status === '已销号' ? '是' : '否') },
    { field: 'closedOn', width: WIDTH.date, format: 'date', value: (t) => dateCell(t.closedOn) },
    { field: 'status', width: WIDTH.enumeration, format: 'text', value: (t) => t.status },
    { field: 'reviewer', width: WIDTH.name, format: 'text', value: (t) => t.reviewer },
  ]);
}
