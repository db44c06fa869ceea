import { addMeetingMatrixSheet, meetingsInPeriod, meetingsTable, MEETING_TEMPLATE_GUIDE } from '../exports/meetings';
import { recordWrites } from '../imports/core';
import { meetingsPlanner } from '../imports/meetings';
import { meetingsLedger } from '../ledgers/definitions/meetings';
import { MEETING_FIELD_LABELS } from '../model/meeting';
import { rulesNamed, tabular, type LedgerKindSpec } from './types';
import { LEDGER_RECORDS } from '../model/kinds';

export const meetingsSpec: LedgerKindSpec<'meetings'> = {
  kind: 'meetings',
  schema: LEDGER_RECORDS.meetings.schema,
  labels: { ledger: meetingsLedger.label, record: LEDGER_RECORDS.meetings.label, counted: '条会议记录', table: LEDGER_RECORDS.meetings.table, fields: MEETING_FIELD_LABELS },
  import: {
    definition: meetingsLedger,
    planner: meetingsPlanner,
    required: [
      ['type', '会议类型', (v) => typeof v === 'string' && v.length > 0],
      ['title', '会议名称', (v) => typeof v === 'string' && v.length > 0],
      ['startAt', '会议时间', (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)],
      ['attendance', '出席情况', Array.isArray],
    ],
    write: recordWrites,
    recordName: (m) => `会议“${m.title}”`,
    rowName: (row) => `会议 ${row.after?.title ?? ''}`,
    template: { guide: MEETING_TEMPLATE_GUIDE },
  },
  export: {
    file: '02_三会一课台账.xlsx',
    title: '“三会一课”台账',
    sheetName: '会议记录',
    tabular: (data, options) => tabular(meetingsInPeriod(data, options), meetingsTable(data)),
    firstPartSheets: addMeetingMatrixSheet,
  },
  packageCounts: [{ key: 'meetings', label: '会议', unit: '次', count: (data, options) => meetingsInPeriod(data, options).length }],
  rules: rulesNamed('meeting.'),
  demo: (dataset) => dataset.meetings,
};
