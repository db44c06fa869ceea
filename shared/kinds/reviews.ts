import { generateDemoReviews } from '../demo/reviews';
import { reviewsInPeriod, reviewsTable, REVIEW_TEMPLATE_GUIDE } from '../exports/reviews';
import { recordWrites, rosterContext, type RosterContext } from '../imports/core';
import { keyedPlanner } from '../imports/keyed';
import { resolveReview, reviewKey, reviewLabel } from '../imports/reviews';
import { reviewsLedger, type ImportedReview } from '../ledgers/definitions/reviews';
import { REVIEW_FIELD_LABELS, reviewResultFieldsSchema, type ReviewResult } from '../model/review';
import { LEDGER_RECORDS } from '../model/kinds';
import { checkedBy, rulesNamed, tabular, type LedgerKindSpec } from './types';

/** 民主评议党员: one result per member and year. */
export const reviewsSpec: LedgerKindSpec<'reviews'> = {
  kind: 'reviews',
  schema: LEDGER_RECORDS.reviews.schema,
  labels: { ledger: reviewsLedger.label, record: LEDGER_RECORDS.reviews.label, counted: '名党员的评议结果', table: LEDGER_RECORDS.reviews.table, fields: REVIEW_FIELD_LABELS },
  import: {
    definition: reviewsLedger,
    planner: keyedPlanner({
      kind: 'reviews',
      context: rosterContext,
      resolve: checkedBy(reviewResultFieldsSchema, (imported: ImportedReview, c: RosterContext) => resolveReview(imported, c.roster, c.branchId)),
      key: reviewKey,
      label: (stored, c) => reviewLabel(stored, c.roster),
      fieldLabels: REVIEW_FIELD_LABELS,
      messages: {
        duplicate: (earlier) => `与文件第${earlier}行是同一党员同一年度的评议结果`,
        several: (count) => `已有${count}条该党员该年度的评议结果，请选择要更新哪一条，或作为新记录导入`,
        same: '与已有评议结果相同',
      },
      // A new result takes the model's defaults (no 测评票 written: none recorded); an update keeps what the row leaves out.
      merge: (existing: ReviewResult | undefined, fields) => (existing ? { ...existing, ...fields } : reviewResultFieldsSchema.parse(fields)),
    }),
    required: [
      ['year', '评议年度', (v) => typeof v === 'number' && Number.isInteger(v)],
      ['memberId', '党员', (v) => typeof v === 'string' && v.length > 0],
    ],
    write: recordWrites,
    recordName: (r) => `${r.year}年度民主评议结果`,
    rowName: (row) => `民主评议结果 ${row.after?.year ?? ''}年度`,
    template: { guide: REVIEW_TEMPLATE_GUIDE },
  },
  export: {
    file: '07_民主评议党员.xlsx',
    title: '民主评议党员结果',
    sheetName: '民主评议党员',
    tabular: (data, options) => tabular(reviewsInPeriod(data, options), reviewsTable(data)),
  },
  packageCounts: [{ key: 'reviews', label: '民主评议结果', unit: '人次', optional: true, count: (data, options) => reviewsInPeriod(data, options).length }],
  rules: rulesNamed('review.'),
  demo: (dataset, options) => generateDemoReviews(dataset, options),
};
