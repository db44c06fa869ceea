import { ORGANIZATION_EXPORT, type LedgerExportKind } from '../exports/types';
import { LEDGER_KINDS, type LedgerKind } from '../model/kinds';
import { analysesSpec } from './analyses';
import { meetingsSpec } from './meetings';
import { membersSpec } from './members';
import { rectificationsSpec } from './rectifications';
import { talksSpec } from './talks';
import type { LedgerKindSpec, LedgerKindSpecs } from './types';

/**
 * The ledger-kind registry: one spec per kind (shared/model/kinds.ts LEDGER_KINDS); a kind lacking a spec, or a
 * spec lacking a part, does not compile. Every list of kinds below and in the layers above is derived from it.
 * It composes the kinds' definitions, planners and export tables, and sits below whoever dispatches on a kind
 * (import plan and commit, workbook, package, backup, database).
 */
export const LEDGER_KIND_SPECS = {
  members: membersSpec,
  meetings: meetingsSpec,
  talks: talksSpec,
  analyses: analysesSpec,
  rectifications: rectificationsSpec,
} as const satisfies LedgerKindSpecs;

export { LEDGER_KINDS, type LedgerKind };
export * from './types';

const SPECS: LedgerKindSpecs = LEDGER_KIND_SPECS;

export function specOf<K extends LedgerKind>(kind: K): LedgerKindSpec<K> {
  return SPECS[kind];
}

/** Every spec, in LEDGER_KINDS order (the import order: the roster first). */
export const LEDGER_KIND_SPEC_LIST: readonly LedgerKindSpec<LedgerKind>[] = LEDGER_KINDS.map((kind) => specOf(kind) as LedgerKindSpec<LedgerKind>); // why: a spec of one kind read through the kind-agnostic parts

function byKind<T>(value: (spec: LedgerKindSpec<LedgerKind>) => T): Record<LedgerKind, T> {
  return Object.fromEntries(LEDGER_KIND_SPEC_LIST.map((spec) => [spec.kind, value(spec)])) as Record<LedgerKind, T>; // why: fromEntries loses the keys
}

/** A record of the kind in messages (`党员`, `谈话记录`). */
export const RECORD_LABELS: Record<LedgerKind, string> = byKind((spec) => spec.labels.record);

/** The blank import templates' file names. */
export const TEMPLATE_FILES: Record<LedgerKind, string> = byKind((spec) => spec.import.templateFile);

/** File names inside the 检查材料包 and for single downloads (01–05 the kinds', then 06_组织设置). */
export const LEDGER_EXPORT_FILES: Record<LedgerExportKind, string> = { ...byKind((spec) => spec.export.file), organization: ORGANIZATION_EXPORT.file };

/** The ledger's name in titles. */
export const LEDGER_EXPORT_TITLES: Record<LedgerExportKind, string> = { ...byKind((spec) => spec.export.title), organization: ORGANIZATION_EXPORT.title };
