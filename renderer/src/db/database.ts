import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Analysis,
  Attachment,
  AuditEntry,
  Branch,
  DuesPayment,
  ImportBatch,
  Meeting,
  Member,
  Rectification,
  ReviewResult,
  SettingRow,
  Talk,
  TrainingRecord,
} from '@shared/model';
import { LEDGER_KINDS } from '@shared/model/kinds';

export const DATABASE_NAME = 'branch-ledger';

/**
 * Version 1 declares every table the product needs, multi-branch from day one. A later change of indexes is a
 * new `this.version(n)` with an upgrade function and a test that opens a database written by version n-1
 * (see database.test.ts and fixtures/).
 */
export const SCHEMA_V1 = {
  branches: 'id, name',
  members: 'id, branchId, [branchId+idNumber], [branchId+name], [branchId+category]',
  meetings: 'id, branchId, [branchId+startAt], [branchId+type+startAt], *alsoCountsAs',
  talks: 'id, branchId, [branchId+date], talkerId, *intervieweeIds',
  analyses: 'id, branchId, [branchId+periodStart]',
  rectifications: 'id, branchId, [branchId+status], [branchId+deadline]',
  attachments: 'id, branchId, [ownerTable+ownerId]',
  auditLog: '++seq, at, branchId, [table+recordId], importBatchId',
  importBatches: 'id, at, branchId',
  settings: 'key',
} as const;

/**
 * Version 2 adds the 民主评议党员, 党费收缴 and 学习培训学时 ledgers; the tables of version 1 are unchanged (Dexie
 * keeps them when a version does not name them), so no upgrade function is needed.
 */
export const SCHEMA_V2_ADDED = {
  /** One result per member per year. */
  reviews: 'id, branchId, [branchId+year], [memberId+year]',
  /** One payment per member per month (`month` is `YYYY-MM`). */
  dues: 'id, branchId, [branchId+month], [memberId+month]',
  /** One record per member per activity; `meetingId` finds what a meeting credited. */
  training: 'id, branchId, [branchId+date], [memberId+date], meetingId',
} as const;

/**
 * The newest schema version this code declares. The app opens its database through openDatabase (backup.ts),
 * which takes a safety backup of an older installed database before Dexie upgrades it.
 */
export const SCHEMA_VERSION = 2;

export class BranchLedgerDatabase extends Dexie {
  branches!: EntityTable<Branch, 'id'>;
  members!: EntityTable<Member, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  talks!: EntityTable<Talk, 'id'>;
  analyses!: EntityTable<Analysis, 'id'>;
  rectifications!: EntityTable<Rectification, 'id'>;
  attachments!: EntityTable<Attachment, 'id'>;
  auditLog!: Table<AuditEntry, number>;
  importBatches!: EntityTable<ImportBatch, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  reviews!: EntityTable<ReviewResult, 'id'>;
  dues!: EntityTable<DuesPayment, 'id'>;
  training!: EntityTable<TrainingRecord, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2_ADDED);
  }
}

/** Tables that hold a branch's records, in the order a branch's data is removed. */
export const BRANCH_RECORD_TABLES = [...LEDGER_KINDS, 'attachments'] as const;
