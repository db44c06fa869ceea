import { talksLedger } from '../ledgers/definitions';
import type { Talk } from '../model/talk';
import { joinNames, nameResolver, tableFromDefinition, type ExportTable } from './columns';
import { isInPeriod } from './period';
import { dateCell, WIDTH } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/** 03_谈心谈话台账: the talks dated in the period, by date. */

export function talksInPeriod(data: Pick<LedgerDataset, 'talks'>, options: Pick<ExportOptions, 'period'>): Talk[] {
  return data.talks
    .filter((t) => isInPeriod(t.date, options.period))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

export function talksTable(data: LedgerDataset): ExportTable<Talk> {
  const nameOf = nameResolver(data.members);
  return tableFromDefinition<Talk>(talksLedger, [
    { field: 'date', width: WIDTH.date, format: 'date', value: (t) => dateCell(t.date) },
    { field: 'location', width: WIDTH.medium, format: 'text', value: (t) => t.location },
    { field: 'talker', width: WIDTH.name, format: 'text', value: (t) => nameOf(t.talkerId) },
    { field: 'talkees', width: WIDTH.medium, format: 'text', value: (t) => joinNames(t.intervieweeIds.map((id) => nameOf(id) ?? '')) },
    { field: 'kind', width: WIDTH.enumeration, format: 'text', value: (t) => t.kind },
    { field: 'form', width: 8, format: 'text', value: (t) => t.form },
    { field: 'content', width: WIDTH.long, format: 'text', value: (t) => t.content },
    { field: 'issues', width: 28, format: 'text', value: (t) => t.issuesRaised },
    { field: 'followUp', width: 24, format: 'text', value: (t) => t.followUp },
  ]);
}
