// Node environment on purpose: fake-indexeddb keeps real Blobs there (under happy-dom they come back as {}),
// and this file does not use dexie-export-import, which is what needs happy-dom.
import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BranchLedgerDatabase, SCHEMA_VERSION } from './database';
import { loadDemoData } from './branches';
import {
  backupBeforeRiskyChange,
  backupBeforeSchemaUpgrade,
  createBackup,
  describeBackup,
  openDatabase,
  restoreBackup,
  sha256Hex,
  runDailyBackup,
  type BackupFolder,
} from './backup';
import { freshDatabase, storeMeetingPhoto } from './testing';

let db: BranchLedgerDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  db.close();
});

const photoBytes = new Uint8Array(256 * 3).map((_, i) => (i * 37) % 256);

async function fillDatabase(): Promise<void> {
  const branch = await loadDemoData(db, '2025-03-05');
  await storeMeetingPhoto(db, branch.id, photoBytes, photoBytes.slice(0, 10));
}

/** Every table with Blobs turned into their bytes and type, so that toEqual compares contents. */
async function dump(database: BranchLedgerDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of database.tables) {
    const rows = await table.toArray();
    out[table.name] = await Promise.all(
      rows.map(async (row: Record<string, unknown>) => {
        const copy: Record<string, unknown> = { ...row };
        for (const [key, value] of Object.entries(row)) {
          if (value instanceof Blob) {
            copy[key] = { type: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] };
          }
        }
        return copy;
      }),
    );
  }
  return out;
}

function memoryFolder(): BackupFolder & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    async write(name, data) {
      files.set(name, data);
    },
    async list() {
      return [...files.entries()]
        .map(([name, data]) => ({ name, size: data.byteLength, modifiedAt: '' }))
        .sort((a, b) => b.name.localeCompare(a.name));
    },
    async read(name) {
      return files.get(name)!;
    },
    async remove(name) {
      return files.delete(name);
    },
  };
}

describe('backup and restore', () => {
  it('backup → wipe → restore gives identical records and identical attachment bytes', async () => {
    await fillDatabase();
    const before = await dump(db);
    expect(before.members.length).toBe(25);
    expect(before.attachments.length).toBeGreaterThan(1);

    const bytes = await createBackup(db, { now: new Date('2025-03-05T02:00:00Z') });
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear();
      }
    });
    expect(await db.members.count()).toBe(0);

    const summary = await restoreBackup(db, bytes);
    expect(summary.tables.members).toBe(25);
    expect(await dump(db)).toEqual(before);
    const photo = await db.attachments.get('photo-1');
    expect([...new Uint8Array(await photo!.data.arrayBuffer())]).toEqual([...photoBytes]);
    expect(photo!.data.type).toBe('image/png');
  });

  it('restores into another database and replaces what was there', async () => {
    await fillDatabase();
    const bytes = await createBackup(db);
    const other = freshDatabase();
    await other.branches.add({ ...(await db.branches.toCollection().first())!, id: 'other', name: '别的支部' });
    await restoreBackup(other, bytes);
    expect(await dump(other)).toEqual(await dump(db));
    expect(await other.branches.get('other')).toBeUndefined();
    other.close();
  });

  it('describes a backup: branches, counts and date', async () => {
    await fillDatabase();
    const description = await describeBackup(await createBackup(db, { now: new Date('2025-03-05T02:00:00Z') }));
    expect(description.ok).toBe(true);
    if (description.ok) {
      expect(description.summary.branches).toHaveLength(1);
      expect(description.summary.branches[0].name).toContain('示例');
      expect(description.summary.tables.members).toBe(25);
      expect(description.summary.createdAt).toMatch(/^2025-03-05T/);
      expect(description.summary.binaryCount).toBe((await db.attachments.count()) + 1);
    }
  });

  it('refuses a corrupted file with a clear message and changes nothing', async () => {
    await fillDatabase();
    const bytes = await createBackup(db);
    const before = await dump(db);
    const damaged = bytes.slice();
    const middle = Math.floor(damaged.length / 2);
    for (let i = middle; i < middle + 16; i += 1) {
      damaged[i] ^= 0xff;
    }
    await expect(restoreBackup(db, damaged)).rejects.toThrow(/备份文件已损坏|被改动/);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses an altered file whose hashes no longer match, and a foreign one', async () => {
    await fillDatabase();
    const bytes = await createBackup(db);
    const entries = unzipSync(bytes);
    entries['data.json'] = strToU8(strFromU8(entries['data.json']).replace(/"name":"[^"]+"/, '"name":"篡改"'));
    const before = await dump(db);
    await expect(restoreBackup(db, zipSync(entries))).rejects.toThrow('备份文件已损坏或被改动：data.json 的校验值不符');
    await expect(restoreBackup(db, strToU8('hello'))).rejects.toThrow('这不是支部台账的备份文件（不是 zip 格式）');
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a backup from a newer database version', async () => {
    await fillDatabase();
    const entries = unzipSync(await createBackup(db));
    const manifest = JSON.parse(strFromU8(entries['manifest.json']));
    manifest.database.version = 99;
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));
    await expect(restoreBackup(db, zipSync(entries))).rejects.toThrow(/更新版本的支部台账/);
  });
});

describe('automatic backups', () => {
  it('backs up before a risky change into the folder, or hands the bytes back without one', async () => {
    await fillDatabase();
    const folder = memoryFolder();
    const now = new Date('2025-03-05T02:03:04Z');
    const saved = await backupBeforeRiskyChange(db, 'before-import', folder, now);
    expect(saved.savedToFolder).toBe(true);
    expect([...folder.files.keys()]).toEqual([saved.name]);
    expect(saved.name).toMatch(/^导入前备份_2025-03-05_\d{6}\.blbak$/);
    const offered = await backupBeforeRiskyChange(db, 'before-restore', undefined, now);
    expect(offered.savedToFolder).toBe(false);
    expect((await describeBackup(offered.bytes)).ok).toBe(true);
  });

  it('takes the daily backup once per day and rotates old ones', async () => {
    await fillDatabase();
    const folder = memoryFolder();
    for (let day = 1; day <= 20; day += 1) {
      folder.files.set(`自动备份_2025-02-${String(day).padStart(2, '0')}.blbak`, new Uint8Array([1]));
    }
    folder.files.set('我的文件.txt', new Uint8Array([1]));
    const now = new Date('2025-03-05T02:00:00Z');
    const first = await runDailyBackup(db, folder, now);
    expect(first.created).toBe('自动备份_2025-03-05.blbak');
    // 21 daily files: the newest 14 stay, and 2025-02-20 is February's monthly (also among the 14).
    expect(first.deleted).toHaveLength(7);
    expect(folder.files.has('我的文件.txt')).toBe(true);
    expect(await runDailyBackup(db, folder, now)).toEqual({ created: null, deleted: [] });
    expect((await describeBackup(folder.files.get('自动备份_2025-03-05.blbak')!)).ok).toBe(true);
  });

  it('takes no daily backup of an empty database', async () => {
    const folder = memoryFolder();
    expect((await runDailyBackup(db, folder)).created).toBeNull();
    expect(folder.files.size).toBe(0);
  });

  it('backs up the installed database before a schema upgrade, opening it at its own version', async () => {
    await fillDatabase();
    const before = await dump(db);
    db.close();
    const folder = memoryFolder();
    // The database is at the current version: only a later one backs it up first.
    expect(await backupBeforeSchemaUpgrade(db.name, db.verno, folder)).toBeNull();
    const backup = await backupBeforeSchemaUpgrade(db.name, db.verno + 1, folder);
    expect(backup?.name).toMatch(/^升级前备份_/);
    expect([...folder.files.keys()]).toEqual([backup!.name]);
    const restored = freshDatabase();
    await restoreBackup(restored, backup!.bytes);
    expect(await dump(restored)).toEqual(before);
    restored.close();
    expect(await backupBeforeSchemaUpgrade('no-such-database', db.verno + 1, folder)).toBeNull();
  });

  it('openDatabase takes the safety backup before Dexie runs a new version\'s upgrade, and none when current', async () => {
    await fillDatabase();
    const before = await dump(db);
    db.close();
    const folder = memoryFolder();
    let filesWhenUpgrading = -1;
    // The next schema version, as a later release would declare it.
    class NextVersion extends BranchLedgerDatabase {
      constructor(name: string) {
        super(name);
        this.version(SCHEMA_VERSION + 1)
          .stores({ members: 'id, branchId, [branchId+idNumber], [branchId+name], [branchId+category], name' })
          .upgrade(() => {
            filesWhenUpgrading = folder.files.size;
          });
      }
    }
    const next = new NextVersion(db.name);
    const backup = await openDatabase(next, folder, new Date('2025-03-05T02:00:00Z'));
    expect(filesWhenUpgrading).toBe(1);
    expect(backup?.name).toMatch(/^升级前备份_2025-03-05_/);
    expect(next.verno).toBe(SCHEMA_VERSION + 1);
    next.close();
    const restored = freshDatabase();
    await restoreBackup(restored, backup!.bytes);
    expect(await dump(restored)).toEqual(before);
    restored.close();
    // Already at the newest version: nothing to back up.
    const again = new NextVersion(db.name);
    expect(await openDatabase(again, folder)).toBeNull();
    expect(folder.files.size).toBe(1);
    again.close();
  });

  it('restores the 民主评议, 党费 and 学时 records, each in its own table and unchanged (money in 分)', async () => {
    await fillDatabase();
    const before = await dump(db);
    for (const table of ['reviews', 'dues', 'training']) {
      expect(before[table].length, table).toBeGreaterThan(0);
    }
    const bytes = await createBackup(db);
    const description = await describeBackup(bytes);
    expect(description.ok && [description.summary.tables.reviews, description.summary.tables.dues, description.summary.tables.training]).toEqual([
      before.reviews.length,
      before.dues.length,
      before.training.length,
    ]);
    await db.transaction('rw', [db.reviews, db.dues, db.training], async () => {
      await Promise.all([db.reviews.clear(), db.dues.clear(), db.training.clear()]);
    });
    await restoreBackup(db, bytes);
    const after = await dump(db);
    expect([after.reviews, after.dues, after.training]).toEqual([before.reviews, before.dues, before.training]);
    expect(after.dues.every((d) => Number.isInteger((d as { owedFen: unknown }).owedFen))).toBe(true);
  });

  it('refuses a backup whose data.json was edited and re-hashed into rows the model refuses, changing nothing', async () => {
    await fillDatabase();
    const bytes = await createBackup(db);
    const before = await dump(db);
    const edited = (edit: (tables: Record<string, Record<string, unknown>[]>) => void) =>
      rehashed(bytes, (data) => edit(data.tables));
    await expect(restoreBackup(db, await edited((t) => (t.members[0].gender = 42)))).rejects.toThrow(/^备份文件中的数据无法恢复：党员第 1 条的字段 gender/);
    // A later kind's row is checked by its own schema too: 党费 is whole 分, never a fraction.
    await expect(restoreBackup(db, await edited((t) => (t.dues[0].owedFen = 12.5)))).rejects.toThrow(/^备份文件中的数据无法恢复：党费收缴第 1 条的字段 owedFen/);
    expect(await dump(db)).toEqual(before);
  });
});

/** The backup with its data.json edited, and its manifest's size and SHA-256 recomputed to match. */
async function rehashed(bytes: Uint8Array, edit: (data: { tables: Record<string, Record<string, unknown>[]> }) => void): Promise<Uint8Array> {
  const entries = unzipSync(bytes);
  const data = JSON.parse(strFromU8(entries['data.json'])) as { tables: Record<string, Record<string, unknown>[]> };
  edit(data);
  entries['data.json'] = strToU8(JSON.stringify(data));
  const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as { files: { path: string; size: number; sha256: string }[] };
  const listed = manifest.files.find((f) => f.path === 'data.json')!;
  listed.size = entries['data.json'].length;
  listed.sha256 = await sha256Hex(entries['data.json']);
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(entries);
}
