import { formatDate } from '../dates';
import { generateDemoDues } from '../demo/dues';
import { duesRowsInPeriod, duesTable, DUES_TEMPLATE_GUIDE, DUES_TEMPLATE_FIELDS } from '../exports/dues';
import { recordWrites, rosterContext, type RosterContext } from '../imports/core';
import { duesKey, duesLabel, duesTermsLookup, resolveDues, type DuesTermsLookup } from '../imports/dues';
import { keyedPlanner } from '../imports/keyed';
import { duesLedger, duesPaymentsOf, type ImportedDuesPayment } from '../ledgers/definitions/dues';
import { DUES_FIELD_LABELS, duesPaymentFieldsSchema, type DuesPayment } from '../model/dues';
import { LEDGER_RECORDS } from '../model/kinds';
import { checkedBy, rulesNamed, tabular, type LedgerKindSpec } from './types';

/** 党费收缴: one record per member and month; a row of a wide sheet (张榜公示) holds a member's months. */
export const duesSpec: LedgerKindSpec<'dues'> = {
  kind: 'dues',
  schema: LEDGER_RECORDS.dues.schema,
  labels: { ledger: duesLedger.label, record: LEDGER_RECORDS.dues.label, counted: '条党费记录', table: LEDGER_RECORDS.dues.table, fields: DUES_FIELD_LABELS },
  import: {
    definition: duesLedger,
    planner: keyedPlanner({
      kind: 'dues',
      split: duesPaymentsOf,
      context: (ctx) => {
        const c = rosterContext(ctx);
        return { ...c, termsOf: duesTermsLookup(c.roster, ctx.dues.filter((d) => d.branchId === ctx.branchId)) };
      },
      resolve: checkedBy(duesPaymentFieldsSchema, (imported: ImportedDuesPayment, c: RosterContext & { termsOf: DuesTermsLookup }) =>
        resolveDues(imported, c.roster, c.branchId, c.termsOf),
      ),
      key: duesKey,
      label: (stored, c) => duesLabel(stored, c.roster),
      fieldLabels: DUES_FIELD_LABELS,
      messages: {
        duplicate: (earlier) => `与文件第${earlier}行是同一党员同一月份的党费`,
        several: (count) => `已有${count}条该党员该月的党费记录，请选择要更新哪一条，或作为新记录导入`,
        same: '与已有党费记录相同',
        none: '本行没有填写任何月份的党费，未导入',
      },
      // A new record takes the model's defaults (类型 正常); an update keeps what the row leaves out.
      merge: (existing: DuesPayment | undefined, fields) => (existing ? { ...existing, ...fields } : duesPaymentFieldsSchema.parse(fields)),
    }),
    required: [
      ['month', '缴费月份', (v) => typeof v === 'string' && /^\d{4}-\d{2}$/.test(v)],
      ['memberId', '党员', (v) => typeof v === 'string' && v.length > 0],
      ['category', '人员类别', (v) => typeof v === 'string' && v.length > 0],
      ['owedFen', '应交金额', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0],
    ],
    write: recordWrites,
    recordName: (d) => `${d.month}的党费记录`,
    // 跳过 keeps the stored record (before) and no after.
    rowName: (row) => `党费记录 ${formatDate((row.after ?? row.before)?.month)}`,
    template: { guide: DUES_TEMPLATE_GUIDE, fields: DUES_TEMPLATE_FIELDS },
  },
  export: {
    file: '08_党费收缴台账.xlsx',
    title: '党费收缴明细表',
    sheetName: '党费收缴',
    tabular: (data, options) => tabular(duesRowsInPeriod(data, options), duesTable()),
  },
  packageCounts: [{ key: 'dues', label: '党费记录', unit: '条', optional: true, count: (data, options) => data.dues.filter((d) => d.month >= options.period.start.slice(0, 7) && d.month <= options.period.end.slice(0, 7)).length }],
  rules: rulesNamed('dues.'),
  demo: (dataset, options) => generateDemoDues(dataset, options),
};
