/**
 * Runs in the bench page (bundled by importCommitChromium.ts): the commit of an import (commitLedgerImport: zod,
 * audit entries, the importBatches row, one transaction) against a raw Dexie bulkPut of the same records (a roster
 * of members, or a ledger of meetings), each into a fresh database of the app's schema.
 */
import { generateDemoBranch } from '../../shared/demo';
import type { PlannedRow } from '../../shared/imports';
import { BranchLedgerDatabase } from '../../renderer/src/db/database';
import { commitLedgerImport } from '../../renderer/src/db/imports';

export type CommitBenchKind = 'members' | 'meetings';

export interface ImportCommitPageResult {
  kind: CommitBenchKind;
  records: number;
  rawMs: number[];
  commitMs: number[];
  auditEntries: number;
}

let databases = 0;

async function fresh(): Promise<BranchLedgerDatabase> {
  databases += 1;
  const db = new BranchLedgerDatabase(`bench-import-${databases}`);
  await db.open();
  return db;
}

/** `count` records of the kind, as stored, and the 新增 rows a plan hands the commit for them. */
function dataset(kind: CommitBenchKind, count: number) {
  const demo = generateDemoBranch({ today: '2025-03-05', memberCount: kind === 'members' ? count : 60 });
  const branchId = demo.branch.id;
  let records: Record<string, unknown>[] = demo.members;
  if (kind === 'meetings') {
    // The demo's meetings, repeated with new ids and starts a day apart, up to `count`.
    const base = Date.parse('2000-01-03T14:30:00+08:00');
    records = Array.from({ length: count }, (_, i) => {
      const source = demo.meetings[i % demo.meetings.length];
      const start = new Date(base + i * 86_400_000).toISOString().replace('.000Z', '+00:00');
      return { ...source, id: crypto.randomUUID(), startAt: start, endAt: undefined };
    });
  }
  // What the plan hands the commit for a 新增 row: the record without id, branchId and timestamps.
  const rows: PlannedRow[] = records.map((record, index) => {
    const { id: _id, branchId: _branch, createdAt: _c, updatedAt: _u, ...after } = record;
    return { rowNumber: index + 4, kind, action: '新增', blocked: false, target: { branchId }, after } as PlannedRow; // why: the demo's records of `kind` as its rows
  });
  return { branch: demo.branch, records, rows };
}

async function run(kind: CommitBenchKind, count: number, runs: number): Promise<ImportCommitPageResult> {
  const { branch, records, rows } = dataset(kind, count);
  const branchId = branch.id;
  const rawMs: number[] = [];
  const commitMs: number[] = [];
  let auditEntries = 0;
  for (let i = 0; i < runs; i += 1) {
    // Alternate which goes first, each into its own empty database.
    const order = i % 2 === 0 ? ['raw', 'commit'] : ['commit', 'raw'];
    for (const which of order) {
      const db = await fresh();
      await db.branches.put(branch);
      const start = performance.now();
      if (which === 'raw') {
        await db.table(kind).bulkPut(records);
        rawMs.push(performance.now() - start);
      } else {
        await commitLedgerImport(db, { branchId, fileName: kind === 'members' ? '党员花名册.xlsx' : '三会一课台账.xlsx', rows });
        commitMs.push(performance.now() - start);
        auditEntries = await db.auditLog.count();
      }
      db.close();
      await BranchLedgerDatabase.delete(db.name);
    }
  }
  return { kind, records: count, rawMs, commitMs, auditEntries };
}

// The bench's entry point for importCommitChromium.ts, which calls it from Node.
(globalThis as unknown as { importCommitBench: { run: typeof run } }).importCommitBench = { run };
