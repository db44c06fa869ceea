import type { Workbook } from 'exceljs';
import { z } from 'zod';
import type { DemoDataset } from '../demo';
import type { ExportTable } from '../exports/columns';
import type { CellInput, SheetColumn } from '../exports/sheet';
import type { LedgerTemplate } from '../exports/templates';
import type { ExportOptions, LedgerDataset } from '../exports/types';
import type { KindPlanner, PlannedRow, RecordWrite, WriteContext } from '../imports/core';
import type { Resolved } from '../imports/keyed';
import type { LedgerDefinition } from '../ledgers/types';
import type { LedgerKind, Stored } from '../model/kinds';
import { RULE_IDS, type RuleId } from '../rules/types';

/** zod's own messages in Chinese; the model's custom messages win over these. */
const CHINESE_ERRORS = z.locales.zhCN().localeError;

/**
 * `resolve` that also refuses fields the stored record's schema would not take, with the schema's message in Chinese
 * (the merge of a new record parses them for the model's defaults, and must not throw).
 */
export function checkedBy<I, C, F>(schema: z.ZodType, resolve: (imported: I, c: C) => Resolved<F>): (imported: I, c: C) => Resolved<F> {
  return (imported, c) => {
    const resolved = resolve(imported, c);
    if (!resolved.ok) return resolved;
    const parsed = schema.safeParse(resolved.fields, { error: CHINESE_ERRORS });
    return parsed.success ? resolved : { ok: false, reason: parsed.error.issues.map((i) => i.message).join('；') };
  };
}

/** The rules whose ids start with one of `prefixes` (`meeting.`: every meeting rule), in their order. */
export function rulesNamed(...prefixes: string[]): RuleId[] {
  return RULE_IDS.filter((id) => prefixes.some((prefix) => id.startsWith(prefix)));
}

/** What the demo branch was generated with (generateDemoBranch's today and seed). */
export interface DemoLedgerOptions {
  today: string;
  seed?: number;
}

/** A field every stored record of the kind must have, checked by the commit (the plan is not parsed again). */
export type RequiredField = readonly [field: string, label: string, ok: (value: unknown) => boolean];

/** A ledger's rows for export, whatever its record type. */
export interface LedgerTabular {
  columns: SheetColumn[];
  count: number;
  /** The rows from index `start` (inclusive) to `end` (exclusive). */
  rows(start?: number, end?: number): Generator<CellInput[]>;
}

export function tabular<R>(records: readonly R[], table: ExportTable<R>): LedgerTabular {
  return {
    columns: table.columns,
    count: records.length,
    *rows(start = 0, end = records.length) {
      for (let i = start; i < Math.min(end, records.length); i += 1) yield table.row(records[i]);
    },
  };
}

/** A count of the 检查材料包's manifest (`members: 党员 … 人`). */
export interface PackageCount {
  key: string;
  label: string;
  unit: string;
  /** Absent from the manifests of packages made before the kind existed (they still verify). */
  optional?: boolean;
  count(data: LedgerDataset, options: ExportOptions): number;
}

/**
 * Everything about one ledger kind. LEDGER_KIND_SPECS holds one per LedgerKind and the compiler refuses a kind that
 * lacks any part; every list of kinds (labels, import tables, export files, package counts, backup and audit tables,
 * the CLI's tables, the preview's nouns) is derived from it.
 */
export interface LedgerKindSpec<K extends LedgerKind> {
  kind: K;
  /** The stored record; a backup's rows of the kind's table are parsed with it before a restore. */
  schema: z.ZodType<Stored<K>>;
  labels: {
    /** The ledger (`党员花名册`): its import definition's label. */
    ledger: string;
    /** A record in messages (`党员`, `谈话记录`: `导入新增党员3条`). */
    record: string;
    /** Counted records in the import summary (`名党员`, `条谈话记录`: `新增 3 名党员`). */
    counted: string;
    /** The table in a backup's and the CLI's messages (`党员`, `谈心谈话`: `谈心谈话表（talks）`). */
    table: string;
    /** The stored record's fields (`联系电话` …): what an undo puts back is named with them. */
    fields: Readonly<Record<string, string>>;
  };
  import: {
    /** How a sheet of this ledger is read (headers, parsers, the record it builds). */
    definition: LedgerDefinition;
    /** What each row does against the stored records (keys: DOMAIN §4). */
    planner: KindPlanner<K>;
    /** Fields every written record must have (the commit's last check of the plan). */
    required: readonly RequiredField[];
    /** The records the writable rows make: recordWrites, or the kind's own (an analysis entry joins its period's Analysis). */
    write(rows: readonly PlannedRow<K>[], w: WriteContext): RecordWrite<K>[];
    /** A stored record in messages (`会议“2025年1月支部委员会会议”`). */
    recordName(record: Stored<K>): string;
    /** What a planned row writes, in an audit line (`党员 张三`). */
    rowName(row: PlannedRow<K>): string;
    /** The blank import template: each column's 填表说明, and its columns when not all of the definition's. */
    template: Omit<LedgerTemplate, 'kind'>;
    /** Rows may go to other branches than the one imported into (a roster's 所在党支部): plan against every branch's records. */
    acrossBranches?: boolean;
  };
  export: {
    /** The ledger's file in the 检查材料包 and for a single download (`03_谈心谈话台账.xlsx`). */
    file: string;
    /** The ledger's name in the sheet's title. */
    title: string;
    sheetName: string;
    /** The records of the period in ledger order and how each becomes a row (tabular(records, table)). */
    tabular(data: LedgerDataset, options: ExportOptions): LedgerTabular;
    /** Sheets beside the ledger's, in its file (or its first part). */
    firstPartSheets?(workbook: Workbook, data: LedgerDataset, options: ExportOptions): void;
  };
  /** The counts of the kind in the package manifest. */
  packageCounts: readonly PackageCount[];
  /** The rules that judge the kind's records. */
  rules: readonly RuleId[];
  /** The kind's records of the demo branch (`options`: those it was generated with). */
  demo(dataset: DemoDataset, options: DemoLedgerOptions): Stored<K>[];
}

export type LedgerKindSpecs = { [K in LedgerKind]: LedgerKindSpec<K> };
