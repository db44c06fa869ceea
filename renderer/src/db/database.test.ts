import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { branchSchema, memberSchema } from '@shared/model';
import { currentBranch } from './branches';
import { BranchLedgerDatabase, SCHEMA_V1, SCHEMA_V2_ADDED } from './database';
import { addMember } from './members';
import fixture from './fixtures/v1-database.json';
import fullFixture from './fixtures/v1-database-full.json';

/**
 * The pattern every schema version follows: a database written by an earlier version (here the frozen
 * fixture of version 1, with its own store declaration) opens through the current code with nothing lost.
 */
interface Fixture {
  version: number;
  stores: Record<string, string>;
  data: Record<string, unknown[]>;
}

/** The fixture's rows as stored: an attachment's `dataText` becomes its Blob (JSON cannot hold one). */
function storedRows(table: string, rows: unknown[]): unknown[] {
  if (table !== 'attachments') {
    return rows;
  }
  return (rows as { dataText: string; mimeType: string }[]).map(({ dataText, ...meta }) => ({ ...meta, data: new Blob([dataText], { type: meta.mimeType }) }));
}

async function writeFixtureDatabase(name: string, frozen: Fixture = fixture): Promise<void> {
  const old = new Dexie(name);
  old.version(frozen.version).stores(frozen.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(frozen.data)) {
      await old.table(table).bulkAdd(storedRows(table, rows));
    }
  });
  old.close();
}

describe('database schema', () => {
  it('declares every table of the product in version 1', () => {
    expect(Object.keys(SCHEMA_V1).sort()).toEqual(
      ['analyses', 'attachments', 'auditLog', 'branches', 'importBatches', 'meetings', 'members', 'rectifications', 'settings', 'talks'].sort(),
    );
  });

  it('adds the three ledgers of version 2 beside the tables of version 1', () => {
    const db = new BranchLedgerDatabase(`schema-${Date.now()}`);
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...Object.keys(SCHEMA_V1), ...Object.keys(SCHEMA_V2_ADDED)].sort());
    expect(Object.keys(SCHEMA_V1)).not.toContain('reviews');
  });

  it('upgrades a version-1 database with a record in every table to version 2 with nothing lost', async () => {
    const frozen = fullFixture as Fixture;
    expect(Object.keys(frozen.data).sort()).toEqual(Object.keys(SCHEMA_V1).sort());
    const name = `fixture-v1-full-${Date.now()}`;
    await writeFixtureDatabase(name, frozen);
    const db = new BranchLedgerDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    for (const [table, rows] of Object.entries(frozen.data)) {
      expect(rows.length, table).toBeGreaterThan(0);
      const stored = await db.table(table).toArray();
      if (table === 'attachments') {
        const [file] = stored as { data: Blob; [key: string]: unknown }[];
        const { dataText, ...meta } = rows[0] as { dataText: string };
        expect({ ...file, data: undefined }).toEqual({ ...meta, data: undefined });
        expect(await file.data.text()).toBe(dataText);
      } else {
        // Dexie returns rows in key order; the fixture lists them as written.
        expect(stored, table).toEqual(expect.arrayContaining(rows));
        expect(stored, table).toHaveLength(rows.length);
      }
    }
    // The new tables are there, empty, and their indexes answer.
    const branchId = frozen.data.branches.map((b) => (b as { id: string }).id)[0];
    expect(await db.reviews.where('[branchId+year]').equals([branchId, 2026]).count()).toBe(0);
    expect(await db.dues.where('[branchId+month]').between([branchId, '2026-01'], [branchId, '2026-12']).count()).toBe(0);
    expect(await db.training.where('meetingId').equals('x').count()).toBe(0);
    // The version-1 indexes still answer.
    const meeting = frozen.data.meetings[0] as { branchId: string; startAt: string };
    expect(await db.meetings.where('[branchId+startAt]').equals([meeting.branchId, meeting.startAt]).count()).toBe(1);
    db.close();
  });

  it('opens a version-1 database through the current code with every record intact', async () => {
    const name = `fixture-v1-${Date.now()}`;
    await writeFixtureDatabase(name);
    const db = new BranchLedgerDatabase(name);
    await db.open();
    expect(await db.branches.count()).toBe(fixture.data.branches.length);
    expect(await db.members.count()).toBe(fixture.data.members.length);
    for (const branch of await db.branches.toArray()) {
      expect(branchSchema.safeParse(branch).success).toBe(true);
    }
    for (const member of await db.members.toArray()) {
      expect(memberSchema.safeParse(member).success).toBe(true);
    }
    const branch = await currentBranch(db);
    expect(branch?.id).toBe(fixture.data.branches[0].id);
    // Indexes still answer, and new writes continue the audit sequence.
    const someone = fixture.data.members[0];
    expect(await db.members.where('[branchId+idNumber]').equals([someone.branchId, someone.idNumber]).count()).toBe(1);
    await addMember(db, branch!.id, { name: '新同志', ethnicity: '汉族', birthDate: '1990-01-01', gender: '女', joinedOn: '2015-01-01', confirmedOn: '2016-01-01', category: '正式党员' }, '2025-03-05');
    const seqs = (await db.auditLog.toArray()).map((e) => e.seq);
    expect(seqs).toEqual([1, 2]);
    db.close();
  });
});
