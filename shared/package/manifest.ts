/**
 * The manifest of a 检查材料包 (`manifest.json` inside the zip): which branch and period it covers, how it was
 * made, how many records of each ledger it holds, and the size and SHA-256 of every other file, so that an
 * inspector (or `npm run ledger -- verify`) can tell an intact package from an altered one.
 * Pure: no DOM, no Node.
 */
import { z } from 'zod';
import type { ExportOptions, LedgerDataset } from '../exports/types';
import { LEDGER_KIND_SPEC_LIST } from '../kinds';
import { INSPECTION_PACKAGE_FORMAT } from '../ledgers/read/package';

export const PACKAGE_FORMAT = INSPECTION_PACKAGE_FORMAT;
/**
 * Raise when the layout changes; readers refuse versions they do not know. 2: the 自检报告 carries the package's
 * fingerprint on its 报送单 and is bound by its content (`selfCheck`), not listed in `files`.
 */
export const PACKAGE_FORMAT_VERSION = 2;
export const PACKAGE_MANIFEST_ENTRY = 'manifest.json';

/**
 * What the manifest counts: each kind's counts (its spec's packageCounts: the rows of its ledger; for 04 also the
 * 思想动态分析, one report each), then the attachments written and the findings of the 自检报告.
 */
const KIND_COUNTS = LEDGER_KIND_SPEC_LIST.flatMap((spec) => spec.packageCounts);
const OTHER_COUNTS = [
  { key: 'attachments', label: '附件', unit: '个' },
  { key: 'findings', label: '自检问题', unit: '条' },
] as const;

export const PACKAGE_COUNT_KEYS: readonly PackageCountKey[] = [...KIND_COUNTS.map((c) => c.key), ...OTHER_COUNTS.map((c) => c.key)];
export type PackageCountKey = string;

export const PACKAGE_COUNT_LABELS: Record<PackageCountKey, string> = Object.fromEntries(
  [...KIND_COUNTS, ...OTHER_COUNTS].map((c) => [c.key, c.label]),
);

/** The unit of each count (`人`, `次`, `份` …) for the 台账清单 and the check of a package. */
export const PACKAGE_COUNT_UNITS: Record<PackageCountKey, string> = Object.fromEntries([...KIND_COUNTS, ...OTHER_COUNTS].map((c) => [c.key, c.unit]));

/** The manifest's counts of a dataset for the period. */
export function packageCounts(data: LedgerDataset, options: ExportOptions, other: Record<(typeof OTHER_COUNTS)[number]['key'], number>): PackageCounts {
  return { ...Object.fromEntries(KIND_COUNTS.map((c) => [c.key, c.count(data, options)])), ...other };
}

const COUNT = z.number().int().nonnegative();
/** The counts by key (PACKAGE_COUNT_KEYS): a kind's may be absent from an older package. */
export type PackageCounts = { attachments: number; findings: number } & Partial<Record<PackageCountKey, number>>;
/** A kind's counts; those of kinds added after format 2 may be absent (a package made before them still verifies). */
const KIND_COUNT_SCHEMAS: Record<string, z.ZodNumber | z.ZodOptional<z.ZodNumber>> = Object.fromEntries(
  KIND_COUNTS.map((c) => [c.key, c.optional ? COUNT.optional() : COUNT]),
);
const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Typed by hand: zod's inferred type drops the kinds' keys (built from the registry). */
const COUNTS_SCHEMA: z.ZodType<PackageCounts> = z.strictObject({ ...KIND_COUNT_SCHEMAS, attachments: COUNT, findings: COUNT });

export const packageFileEntrySchema = z.strictObject({
  path: z.string().min(1).max(400),
  size: z.number().int().nonnegative(),
  sha256: sha256HexSchema,
});
export type PackageFileEntry = z.infer<typeof packageFileEntrySchema>;

export const packageManifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: z.union([z.literal(1), z.literal(PACKAGE_FORMAT_VERSION)]),
  appVersion: z.string().min(1).max(40),
  branch: z.strictObject({ id: z.string().min(1), name: z.string().min(1) }),
  period: z.strictObject({ start: isoDate, end: isoDate, label: z.string().min(1) }),
  /** ISO instant with offset. */
  generatedAt: z.string().min(10).max(40),
  options: z.strictObject({ masked: z.boolean(), includeAttention: z.boolean() }),
  counts: COUNTS_SCHEMA,
  /**
   * Version 2: 00_自检报告.xlsx prints the fingerprint of this file, so it cannot be listed by its bytes; its content
   * (every cell as read back, the fingerprint row left out) is hashed instead.
   */
  selfCheck: z.strictObject({ path: z.string().min(1).max(400), contentSha256: sha256HexSchema }).optional(),
  /** Every entry of the zip but manifest.json itself (and, from version 2, the 自检报告). */
  files: z.array(packageFileEntrySchema).min(1),
});
export type PackageManifest = z.infer<typeof packageManifestSchema>;

