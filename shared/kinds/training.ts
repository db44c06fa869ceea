import { generateDemoTraining } from '../demo/training';
import { addTrainingTotalsSheet, trainingInPeriod, trainingTable, TRAINING_TEMPLATE_GUIDE } from '../exports/training';
import { recordWrites, rosterContext, type RosterContext } from '../imports/core';
import { keyedPlanner } from '../imports/keyed';
import { resolveTraining, trainingKey, trainingLabel } from '../imports/training';
import { trainingLedger, type ImportedTraining } from '../ledgers/definitions/training';
import { TRAINING_FIELD_LABELS, trainingRecordFieldsSchema } from '../model/training';
import { LEDGER_RECORDS } from '../model/kinds';
import { checkedBy, rulesNamed, tabular, type LedgerKindSpec } from './types';

/** 学习培训学时: one record per member and activity. */
export const trainingSpec: LedgerKindSpec<'training'> = {
  kind: 'training',
  schema: LEDGER_RECORDS.training.schema,
  labels: { ledger: trainingLedger.label, record: LEDGER_RECORDS.training.label, counted: '条学时记录', table: LEDGER_RECORDS.training.table, fields: TRAINING_FIELD_LABELS },
  import: {
    definition: trainingLedger,
    planner: keyedPlanner({
      kind: 'training',
      context: rosterContext,
      resolve: checkedBy(trainingRecordFieldsSchema, (imported: ImportedTraining, c: RosterContext) => resolveTraining(imported, c.roster, c.branchId)),
      key: trainingKey,
      label: (stored, c) => trainingLabel(stored, c.roster),
      fieldLabels: TRAINING_FIELD_LABELS,
      messages: {
        duplicate: (earlier) => `与文件第${earlier}行是同一党员同一天的同一学习活动`,
        several: (count) => `已有${count}条相同的学时记录（同一党员、日期和学习内容），请选择要更新哪一条，或作为新记录导入`,
        same: '与已有学时记录相同',
      },
    }),
    required: [
      ['date', '日期', (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)],
      ['memberId', '党员', (v) => typeof v === 'string' && v.length > 0],
      ['activity', '学习培训内容', (v) => typeof v === 'string' && v.length > 0],
      ['hours', '学时', (v) => typeof v === 'number' && v > 0],
    ],
    write: recordWrites,
    recordName: (r) => `${r.date}的学时记录“${r.activity.slice(0, 20)}”`,
    rowName: (row) => `学时记录 ${(row.after?.activity ?? '').slice(0, 20)}`,
    template: { guide: TRAINING_TEMPLATE_GUIDE },
  },
  export: {
    file: '09_学习培训学时.xlsx',
    title: '学习培训学时登记表',
    sheetName: '学时登记',
    tabular: (data, options) => tabular(trainingInPeriod(data, options), trainingTable(data)),
    firstPartSheets: addTrainingTotalsSheet,
  },
  packageCounts: [{ key: 'training', label: '学时记录', unit: '条', optional: true, count: (data, options) => trainingInPeriod(data, options).length }],
  rules: rulesNamed('training.'),
  demo: (dataset, options) => generateDemoTraining(dataset, options),
};
