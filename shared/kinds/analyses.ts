import { analysesInPeriod, analysesTable, analysisRowsInPeriod, ANALYSIS_TEMPLATE_GUIDE } from '../exports/analyses';
import { analysesPlanner, analysisWrites } from '../imports/analyses';
import { analysesLedger } from '../ledgers/definitions/analyses';
import { ANALYSIS_FIELD_LABELS } from '../model/analysis';
import { rulesNamed, tabular, type LedgerKindSpec } from './types';
import { LEDGER_RECORDS } from '../model/kinds';

/** A row of 04 is one member's entry; the commit joins it to its period's Analysis (analysisWrites). */
export const analysesSpec: LedgerKindSpec<'analyses'> = {
  kind: 'analyses',
  schema: LEDGER_RECORDS.analyses.schema,
  labels: { ledger: analysesLedger.label, record: LEDGER_RECORDS.analyses.label, counted: '名党员的分析', table: LEDGER_RECORDS.analyses.table, fields: ANALYSIS_FIELD_LABELS },
  import: {
    definition: analysesLedger,
    planner: analysesPlanner,
    required: [
      ['periodStart', '期间开始', (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)],
      ['periodEnd', '期间结束', (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)],
      ['entries', '党员思想状况', Array.isArray],
    ],
    write: analysisWrites,
    recordName: (a) => `${a.periodStart}至${a.periodEnd}的思想动态分析`,
    rowName: (row) => `${row.period?.label ?? ''}思想动态分析`,
    template: { guide: ANALYSIS_TEMPLATE_GUIDE },
  },
  export: {
    file: '04_思想动态分析.xlsx',
    title: '党员思想动态分析',
    sheetName: '思想动态分析',
    tabular: (data, options) => tabular(analysisRowsInPeriod(data, options), analysesTable(data, options)),
  },
  packageCounts: [
    { key: 'analyses', label: '思想动态分析', unit: '份', count: (data, options) => analysesInPeriod(data, options).length },
    { key: 'analysisEntries', label: '思想状况登记', unit: '人次', count: (data, options) => analysisRowsInPeriod(data, options).length },
  ],
  rules: rulesNamed('analysis.'),
  demo: (dataset) => dataset.analyses,
};
