// Damaged ledgers carried all the way through: read → plan → commit → undo, against a database holding the sample
// roster. A file the pipeline cannot read plans nothing and writes nothing; a damaged file that still reads either
// commits exactly its planned rows in one transaction (and undo restores the database) or is refused whole.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planLedgerImport, type ImportContext, type PlannedRow } from '@shared/imports';
import { readLedgerFile } from '@shared/ledgers';
import { seededRandom } from '@shared/ledgers/dateProperties';
import { mutate } from '@shared/ledgers/mutations';
import { createBranch } from './branches';
import type { BranchLedgerDatabase } from './database';
import { commitLedgerImport, ImportRefusedError, undoImport } from './imports';
import { freshDatabase } from './testing';
import { importContext } from './imports';

const TODAY = '2026-03-05';
const CASES = 120;
const TABLES = ['branches', 'members', 'meetings', 'talks', 'analyses', 'rectifications', 'auditLog', 'importBatches'] as const;
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../shared/ledgers/fixtures/${name}`, import.meta.url)));
const SAMPLES = ['三会一课台账.xlsx', '谈心谈话记录.xlsx', '整改台账.xlsx', '党员思想动态分析.xlsx', '党员花名册.xlsx'].map((name) => ({
  name,
  bytes: fixture(name),
}));

let db: BranchLedgerDatabase;
let branchId: string;

async function context(): Promise<ImportContext> {
  return importContext(db, branchId, TODAY);
}

async function plan(fileName: string, bytes: Uint8Array) {
  const result = await readLedgerFile(fileName, bytes, { today: TODAY });
  const ctx = await context();
  const rows: PlannedRow[] = result.sheets.flatMap((sheet) => (sheet.ledger ? planLedgerImport(sheet.ledger, sheet.rows, ctx) : []));
  return { result, rows, toWrite: rows.filter((r) => !r.blocked && (r.action === '新增' || r.action === '更新')) };
}

/** Every table's rows, in a stable order: what "the database as before" means. */
async function snapshot(): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
    tables[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(tables);
}

beforeAll(async () => {
  db = freshDatabase();
  branchId = (await createBranch(db, { name: '中共测试局机关第一支部委员会' })).id;
  const roster = await plan('党员花名册.xlsx', fixture('党员花名册.xlsx'));
  await commitLedgerImport(db, { branchId, fileName: '党员花名册.xlsx', rows: roster.rows });
  expect(await db.members.count()).toBe(24);
});

describe('damaged ledgers through plan, commit and undo', () => {
  it(`never writes part of a file, and writes nothing from one it cannot read (${CASES} seeded cases)`, async () => {
    const random = seededRandom(2026_1127);
    const outcomes = { unreadable: 0, committed: 0, refused: 0, nothingToWrite: 0 };
    for (let i = 0; i < CASES; i += 1) {
      const sample = SAMPLES[i % SAMPLES.length];
      const mutation = mutate(sample.bytes, random);
      const fileName = `damaged-${i}.xlsx`;
      const where = `case ${i} (${sample.name}, ${mutation.kind})`;
      const before = await snapshot();
      const { result, rows, toWrite } = await plan(fileName, mutation.bytes);
      if (result.fileIssues.some((issue) => issue.severity === 'error')) {
        outcomes.unreadable += 1;
        expect(toWrite, where).toEqual([]);
        continue;
      }
      if (toWrite.length === 0) {
        outcomes.nothingToWrite += 1;
        continue;
      }
      try {
        const committed = await commitLedgerImport(db, { branchId, fileName, rows });
        outcomes.committed += 1;
        const added = toWrite.filter((r) => r.action === '新增').length;
        expect(committed.added + committed.updated, where).toBeGreaterThan(0);
        expect(committed.batch.added.filter((a) => a.table !== 'branches').length, where).toBeLessThanOrEqual(added);
        await undoImport(db, committed.batch.id);
        // The batch stays, marked undone, and the undo wrote its audit entries: compare the records themselves.
        for (const table of ['branches', 'members', 'meetings', 'talks', 'analyses', 'rectifications'] as const) {
          const now = (await db.table(table).toArray()).map((r) => JSON.stringify(r)).sort();
          expect(now, `${where}: ${table} after undo`).toEqual(JSON.parse(before)[table]);
        }
      } catch (error) {
        if (!(error instanceof ImportRefusedError)) {
          throw new Error(`${where}: ${String(error)}`, { cause: error });
        }
        outcomes.refused += 1;
        expect(await snapshot(), `${where}: a refused import wrote something`).toBe(before);
      }
    }
    // The seed exercises every path: unreadable files, files that commit, files with nothing new.
    expect(outcomes.unreadable).toBeGreaterThan(5);
    expect(outcomes.committed).toBeGreaterThan(5);
    expect(outcomes.unreadable + outcomes.committed + outcomes.refused + outcomes.nothingToWrite).toBe(CASES);
  }, 180_000);
});
