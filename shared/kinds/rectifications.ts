import { rectificationsInPeriod, rectificationsTable, RECTIFICATION_TEMPLATE_GUIDE } from '../exports/rectifications';
import { recordWrites } from '../imports/core';
import { rectificationsPlanner } from '../imports/rectifications';
import { rectificationsLedger } from '../ledgers/definitions/rectifications';
import { RECTIFICATION_FIELD_LABELS } from '../model/rectification';
import { rulesNamed, tabular, type LedgerKindSpec } from './types';
import { LEDGER_RECORDS } from '../model/kinds';

export const rectificationsSpec: LedgerKindSpec<'rectifications'> = {
  kind: 'rectifications',
  schema: LEDGER_RECORDS.rectifications.schema,
  labels: { ledger: rectificationsLedger.label, record: LEDGER_RECORDS.rectifications.label, counted: '条整改问题', table: LEDGER_RECORDS.rectifications.table, fields: RECTIFICATION_FIELD_LABELS },
  import: {
    definition: rectificationsLedger,
    planner: rectificationsPlanner,
    required: [
      ['problem', '存在问题', (v) => typeof v === 'string' && v.length > 0],
      ['source', '问题来源', (v) => typeof v === 'string' && v.length > 0],
      ['status', '状态', (v) => typeof v === 'string' && v.length > 0],
    ],
    write: recordWrites,
    recordName: (r) => `整改任务“${r.problem.slice(0, 20)}”`,
    rowName: (row) => `整改任务 ${(row.after?.problem ?? '').slice(0, 20)}`,
    template: { guide: RECTIFICATION_TEMPLATE_GUIDE },
  },
  export: {
    file: '05_整改台账.xlsx',
    title: '问题整改台账',
    sheetName: '整改台账',
    tabular: (data, options) => tabular(rectificationsInPeriod(data, options), rectificationsTable()),
  },
  packageCounts: [{ key: 'rectifications', label: '整改任务', unit: '项', count: (data, options) => rectificationsInPeriod(data, options).length }],
  rules: rulesNamed('rectification.'),
  demo: (dataset) => dataset.rectifications,
};
