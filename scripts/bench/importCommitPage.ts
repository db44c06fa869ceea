/**
 * Runs in the bench page (bundled by importCommitChromium.ts): the commit of an import (commitLedgerImport: zod,
 * audit entries, the importBatches row, one transaction) against a raw Dexie bulkPut of the same member records,
 * each into a fresh database of the app's schema.
 */
import { generateDemoBranch } from '../../shared/demo';
import type { PlannedRow } from '../../shared/imports';
import { BranchLedgerDatabase } from '../../renderer/src/db/database';
import { commitLedgerImport } from '../../renderer/src/db/imports';

export interface ImportCommitPageResult {
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

async function run(count: number, runs: number): Promise<ImportCommitPageResult> {
  const demo = generateDemoBranch({ today: '2025-03-05', memberCount: count });
  const branchId = demo.branch.id;
  // What the plan hands the commit for a 新增 row: the record without id, branchId and timestamps.
  const rows: PlannedRow[] = demo.members.map((member, index) => {
    const { id: _id, branchId: _branch, createdAt: _c, updatedAt: _u, ...after } = member;
    return { rowNumber: index + 4, kind: 'members', action: '新增', blocked: false, target: { branchId }, after };
  });
  const rawMs: number[] = [];
  const commitMs: number[] = [];
  let auditEntries = 0;
  for (let i = 0; i < runs; i += 1) {
    // Alternate which goes first, each into its own empty database.
    const order = i % 2 === 0 ? ['raw', 'commit'] : ['commit', 'raw'];
    for (const which of order) {
      const db = await fresh();
      await db.branches.put(demo.branch);
      const start = performance.now();
      if (which === 'raw') {
        await db.members.bulkPut(demo.members);
        rawMs.push(performance.now() - start);
      } else {
        await commitLedgerImport(db, { branchId, fileName: '党员花名册.xlsx', rows });
        commitMs.push(performance.now() - start);
        auditEntries = await db.auditLog.count();
      }
      db.close();
      await BranchLedgerDatabase.delete(db.name);
    }
  }
  return { records: count, rawMs, commitMs, auditEntries };
}

(globalThis as unknown as { importCommitBench: { run: typeof run } }).importCommitBench = { run };
