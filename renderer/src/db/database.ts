import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Analysis,
  Attachment,
  AuditEntry,
  Branch,
  ImportBatch,
  Meeting,
  Member,
  Rectification,
  SettingRow,
  Talk,
} from '@shared/model';

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
 * The newest schema version this code declares. The app opens its database through openDatabase (backup.ts),
 * which takes a safety backup of an older installed database before Dexie upgrades it.
 */
export const SCHEMA_VERSION = 1;

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

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(SCHEMA_VERSION).stores(SCHEMA_V1);
  }
}

/** Tables that hold a branch's records, in the order a branch's data is removed. */
export const BRANCH_RECORD_TABLES = ['members', 'meetings', 'talks', 'analyses', 'rectifications', 'attachments'] as const;
