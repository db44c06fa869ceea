import type { z } from 'zod';
import { keysOf } from '../oneOf';
import { analysisSchema, type AnalysisEntry } from './analysis';
import { duesPaymentSchema } from './dues';
import { meetingSchema } from './meeting';
import { memberSchema } from './member';
import { rectificationSchema } from './rectification';
import { reviewResultSchema } from './review';
import { talkSchema } from './talk';
import { trainingRecordSchema } from './training';

/**
 * The ledger kinds, one line each: the id (also its Dexie table), the stored record's schema, what one record is
 * called (`该党员不存在`) and what its table is called (a backup's 党费收缴). This is the one list of kinds, in import
 * order (the roster first, so that people named in the other ledgers are found on it); everything else about a kind
 * (import, export, package, rules, demo) is its spec in shared/kinds (LEDGER_KIND_SPECS), which the compiler holds to
 * this list. The repositories check every write with the schema and load at start, so the schema and names live
 * here rather than only in the spec, whose import, export and demo code pages load on first use.
 */
export const LEDGER_RECORDS = {
  members: { schema: memberSchema, label: '党员', table: '党员' },
  meetings: { schema: meetingSchema, label: '会议', table: '会议' },
  talks: { schema: talkSchema, label: '谈话记录', table: '谈心谈话' },
  analyses: { schema: analysisSchema, label: '思想动态分析', table: '思想动态分析' },
  rectifications: { schema: rectificationSchema, label: '整改任务', table: '整改任务' },
  reviews: { schema: reviewResultSchema, label: '民主评议结果', table: '民主评议结果' },
  dues: { schema: duesPaymentSchema, label: '党费记录', table: '党费收缴' },
  training: { schema: trainingRecordSchema, label: '学时记录', table: '学习培训学时' },
} as const satisfies Record<string, { schema: z.ZodType; label: string; table: string }>;

export type LedgerKind = keyof typeof LEDGER_RECORDS;
export const LEDGER_KINDS: readonly LedgerKind[] = keysOf(LEDGER_RECORDS);

/**
 * The types of a kind: `record` as stored in its table, `row` what one row of its ledger plans (the record, or for
 * analyses one member's entry of the period's Analysis). A mapped type, so that generic code indexes one table.
 */
type KindTypesOf = {
  [K in LedgerKind]: { record: z.infer<(typeof LEDGER_RECORDS)[K]['schema']>; row: K extends 'analyses' ? AnalysisEntry : z.infer<(typeof LEDGER_RECORDS)[K]['schema']> };
};
// An interface, not the mapped type itself: its members are resolved per kind, so generic code can relate a kind's
// row to its record (with the mapped type, `row` stays a deferred conditional).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface LedgerKindTypes extends KindTypesOf {}

export type Stored<K extends LedgerKind> = LedgerKindTypes[K]['record'];
export type RowValue<K extends LedgerKind> = LedgerKindTypes[K]['row'];

/** Every kind's stored records (a branch's ledgers, an import's context, a dataset to export). */
export type LedgerRecords = { [K in LedgerKind]: Stored<K>[] };

/** No records of any kind. */
export function emptyLedgerRecords(): LedgerRecords {
  return Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, []])) as unknown as LedgerRecords; // why: fromEntries loses the keys
}

export function isLedgerKind(name: string): name is LedgerKind {
  return Object.hasOwn(LEDGER_RECORDS, name);
}
