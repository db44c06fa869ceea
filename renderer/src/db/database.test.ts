import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { branchSchema, memberSchema } from '@shared/model';
import { currentBranch } from './branches';
import { BranchLedgerDatabase, SCHEMA_V1 } from './database';
import { addMember } from './members';
import fixture from './fixtures/v1-database.json';

/**
 * The pattern every schema version follows: a database written by an earlier version (here the frozen
 * fixture of version 1, with its own store declaration) opens through the current code with nothing lost.
 */
async function writeFixtureDatabase(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.data)) {
      await old.table(table).bulkAdd(rows as unknown[]);
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
