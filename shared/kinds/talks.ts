import { talksInPeriod, talksTable, TALK_TEMPLATE_GUIDE } from '../exports/talks';
import { recordWrites } from '../imports/core';
import { talksPlanner } from '../imports/talks';
import { talksLedger } from '../ledgers/definitions/talks';
import { TALK_FIELD_LABELS } from '../model/talk';
import { rulesNamed, tabular, type LedgerKindSpec } from './types';
import { LEDGER_RECORDS } from '../model/kinds';

export const talksSpec: LedgerKindSpec<'talks'> = {
  kind: 'talks',
  schema: LEDGER_RECORDS.talks.schema,
  labels: { ledger: talksLedger.label, record: LEDGER_RECORDS.talks.label, counted: '条谈话记录', table: LEDGER_RECORDS.talks.table, fields: TALK_FIELD_LABELS },
  import: {
    definition: talksLedger,
    planner: talksPlanner,
    required: [
      ['date', '谈话时间', (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)],
      ['talkerId', '谈话人', (v) => typeof v === 'string' && v.length > 0],
      ['intervieweeIds', '谈话对象', (v) => Array.isArray(v) && v.length > 0],
    ],
    write: recordWrites,
    recordName: (t) => `${t.date}的谈话记录`,
    rowName: (row) => `谈话记录 ${row.after?.date ?? ''}`,
    template: { guide: TALK_TEMPLATE_GUIDE },
  },
  export: {
    file: '03_谈心谈话台账.xlsx',
    title: '谈心谈话记录',
    sheetName: '谈心谈话记录',
    tabular: (data, options) => tabular(talksInPeriod(data, options), talksTable(data)),
  },
  packageCounts: [{ key: 'talks', label: '谈心谈话', unit: '次', count: (data, options) => talksInPeriod(data, options).length }],
  rules: rulesNamed('talk.'),
  demo: (dataset) => dataset.talks,
};
