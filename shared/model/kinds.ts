import type { z } from 'zod';
import { analysisSchema, type Analysis, type AnalysisEntry } from './analysis';
import { duesPaymentSchema, type DuesPayment } from './dues';
import { meetingSchema, type Meeting } from './meeting';
import { memberSchema, type Member } from './member';
import { rectificationSchema, type Rectification } from './rectification';
import { reviewResultSchema, type ReviewResult } from './review';
import { talkSchema, type Talk } from './talk';
import { trainingRecordSchema, type TrainingRecord } from './training';

/**
 * The ledger kinds: the one list of their ids, in import order (the roster first, so that people named in the other
 * ledgers are found on it). Everything else about a kind (labels, import, export, package, rules, demo) is its spec
 * in shared/kinds (LEDGER_KIND_SPECS), which the compiler holds to this list. The id is also the kind's Dexie table.
 */
export const LEDGER_KINDS = ['members', 'meetings', 'talks', 'analyses', 'rectifications', 'reviews', 'dues', 'training'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * The types of a kind: `record` as stored in its table, `row` what one row of its ledger plans (the record, or for
 * analyses one member's entry of the period's Analysis).
 */
export interface LedgerKindTypes {
  members: { record: Member; row: Member };
  meetings: { record: Meeting; row: Meeting };
  talks: { record: Talk; row: Talk };
  analyses: { record: Analysis; row: AnalysisEntry };
  rectifications: { record: Rectification; row: Rectification };
  reviews: { record: ReviewResult; row: ReviewResult };
  dues: { record: DuesPayment; row: DuesPayment };
  training: { record: TrainingRecord; row: TrainingRecord };
}

/** A kind without types, or types without a kind, does not compile. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const LEDGER_KIND_TYPES_COMPLETE: Exactly<keyof LedgerKindTypes, LedgerKind> = true;

export type Stored<K extends LedgerKind> = LedgerKindTypes[K]['record'];
export type RowValue<K extends LedgerKind> = LedgerKindTypes[K]['row'];

/**
 * What the model says of a kind's stored record: its schema, what one record is called (`该党员不存在`) and what its table is called (a backup's 党费收缴). Kept
 * here, not only in the spec, because the repositories check every write with it and load at start, while the
 * spec (shared/kinds) brings the import, export and demo code that pages load on first use. Specs take both from here.
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
} as const satisfies { [K in LedgerKind]: { schema: z.ZodType<Stored<K>>; label: string; table: string } };

/** Every kind's stored records (a branch's ledgers, an import's context, a dataset to export). */
export type LedgerRecords = { [K in LedgerKind]: Stored<K>[] };

/** No records of any kind. */
export function emptyLedgerRecords(): LedgerRecords {
  return Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, []])) as unknown as LedgerRecords; // why: fromEntries loses the keys
}

export function isLedgerKind(name: string): name is LedgerKind {
  return (LEDGER_KINDS as readonly string[]).includes(name); // why: includes() of a literal tuple takes only its members
}
