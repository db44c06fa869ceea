import { ORGANIZATION_EXPORT, type LedgerExportKind } from '../exports/types';
import type { LedgerTemplate } from '../exports/templates';
import type { DemoDataset } from '../demo';
import { LEDGER_KINDS, type LedgerKind, type LedgerRecords } from '../model/kinds';
import { analysesSpec } from './analyses';
import { meetingsSpec } from './meetings';
import { membersSpec } from './members';
import { rectificationsSpec } from './rectifications';
import { reviewsSpec } from './reviews';
import { duesSpec } from './dues';
import { trainingSpec } from './training';
import { talksSpec } from './talks';
import type { DemoLedgerOptions, LedgerKindSpec, LedgerKindSpecs } from './types';

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
  reviews: reviewsSpec,
  dues: duesSpec,
  training: trainingSpec,
} as const satisfies LedgerKindSpecs;

export { LEDGER_KINDS, type LedgerKind };
export * from './types';

const SPECS: LedgerKindSpecs = LEDGER_KIND_SPECS;

export function specOf<K extends LedgerKind>(kind: K): LedgerKindSpec<K> {
  return SPECS[kind];
}

/** Every spec, in LEDGER_KINDS order (the import order: the roster first). */
export const LEDGER_KIND_SPEC_LIST: readonly LedgerKindSpec<LedgerKind>[] = LEDGER_KINDS.map((kind) => specOf<LedgerKind>(kind));

function byKind<T>(value: (spec: LedgerKindSpec<LedgerKind>) => T): Record<LedgerKind, T> {
  return Object.fromEntries(LEDGER_KIND_SPEC_LIST.map((spec) => [spec.kind, value(spec)])) as Record<LedgerKind, T>; // why: fromEntries loses the keys
}

/** A record of the kind in messages (`党员`, `谈话记录`). */
export const RECORD_LABELS: Record<LedgerKind, string> = byKind((spec) => spec.labels.record);

/** The blank import templates' file names. */
/** A kind's blank import template, as buildTemplateWorkbook takes it. */
export function templateOf(kind: LedgerKind): LedgerTemplate {
  return { kind, ...specOf(kind).import.template };
}

/** File names inside the 检查材料包 and for single downloads (the kinds' 01–05 and 07–09, and 06_组织设置). */
export const LEDGER_EXPORT_FILES: Record<LedgerExportKind, string> = { ...byKind((spec) => spec.export.file), organization: ORGANIZATION_EXPORT.file };

/** The ledger's name in titles. */
export const LEDGER_EXPORT_TITLES: Record<LedgerExportKind, string> = { ...byKind((spec) => spec.export.title), organization: ORGANIZATION_EXPORT.title };

/** The demo branch's records of every kind: each spec's demo (the later kinds are generated from the branch). */
export function demoLedgers(demo: DemoDataset, options: DemoLedgerOptions): LedgerRecords {
  return Object.fromEntries(LEDGER_KIND_SPEC_LIST.map((spec) => [spec.kind, spec.demo(demo, options)])) as unknown as LedgerRecords; // why: fromEntries loses the keys
}
