import type { Analysis, AnalysisEntry } from './analysis';
import type { DuesPayment } from './dues';
import type { Meeting } from './meeting';
import type { Member } from './member';
import type { Rectification } from './rectification';
import type { ReviewResult } from './review';
import type { Talk } from './talk';
import type { TrainingRecord } from './training';

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

/** Every kind's stored records (a branch's ledgers, an import's context, a dataset to export). */
export type LedgerRecords = { [K in LedgerKind]: Stored<K>[] };

/** No records of any kind. */
export function emptyLedgerRecords(): LedgerRecords {
  return Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, []])) as unknown as LedgerRecords; // why: fromEntries loses the keys
}

export function isLedgerKind(name: string): name is LedgerKind {
  return (LEDGER_KINDS as readonly string[]).includes(name); // why: includes() of a literal tuple takes only its members
}
