import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeCheckChar, type Member } from '@shared/model';
import { readFileSync } from 'node:fs';
import { countPlan, planLedgerImport, type ImportContext, type PlannedRow } from '@shared/imports';
import { readLedgerFile, type ImportedMember, type ParsedRow } from '@shared/ledgers';
import { generateDemoBranch } from '@shared/demo';
import { buildLedgerWorkbook, ledgerDataset, rangePeriod } from '@shared/exports';
import { demoLedgers, specOf } from '@shared/kinds';
import { emptyLedgerRecords } from '@shared/model';
import { createBranch } from './branches';
import type { BranchLedgerDatabase } from './database';
import { commitLedgerImport, importContext, ImportRefusedError, listImportBatches, undoImport } from './imports';
import { addMember, updateMember } from './members';
import { updateTalk } from './talks';
import { freshDatabase } from './testing';

const ID1 = '32010219850612001' + computeCheckChar('32010219850612001');
const ID2 = '32010219900101002' + computeCheckChar('32010219900101002');
const today = '2026-11-27';

function row(rowNumber: number, record: Partial<ImportedMember>): ParsedRow<ImportedMember> {
  const full = {
    ethnicity: '汉族',
    joinedOn: '2012-07-01',
    confirmedOn: '2013-07-01',
    category: '正式党员',
    status: '正常',
    partyPost: '党员',
    ...record,
  } as ImportedMember;
  return { rowNumber, values: {}, record: full, issues: [] };
}

let db: BranchLedgerDatabase;
let branchId: string;
let existing: Member;

beforeEach(async () => {
  db = freshDatabase();
  branchId = (await createBranch(db, { name: '中共测试局机关第一支部委员会' })).id;
  existing = await addMember(
    db,
    branchId,
    { name: '张三', ethnicity: '汉族', idNumber: ID1, joinedOn: '2010-07-01', confirmedOn: '2011-07-01', category: '正式党员' },
    today,
  );
});

async function plan(rows: ParsedRow<ImportedMember>[]) {
  return planLedgerImport('members', rows, await contextOf(branchId));
}

async function snapshot() {
  return (await db.members.toArray()).sort((a, b) => a.id.localeCompare(b.id));
}

describe('commitLedgerImport of a roster / undoImport', () => {
  it('adds and updates in one batch with audit entries, and undo restores the members exactly', async () => {
    const before = await snapshot();
    const planned = await plan([
      row(4, { name: '张三', gender: '男', birthDate: '1985-06-12', idNumber: ID1, phone: '13800000000' }),
      row(5, { name: '李四', gender: '女', birthDate: '1990-01-01', idNumber: ID2 }),
    ]);
    expect(planned.map((p) => p.action)).toEqual(['更新', '新增']);
    const result = await commitLedgerImport(db, { branchId, fileName: '花名册.xlsx', rows: planned });
    expect(result).toMatchObject({ added: 1, updated: 1 });
    expect((await db.members.get(existing.id))?.phone).toBe('13800000000');
    expect(await db.members.count()).toBe(2);
    const audit = await db.auditLog.where('importBatchId').equals(result.batch.id).toArray();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
    expect((await listImportBatches(db, branchId)).map((b) => b.id)).toEqual([result.batch.id]);

    await undoImport(db, result.batch.id);
    expect(await snapshot()).toEqual(before);
    expect((await db.importBatches.get(result.batch.id))?.undoneAt).toBeTruthy();
    await expect(undoImport(db, result.batch.id)).rejects.toThrow('已经撤销');
  });

  it('refuses undo when a member was changed after the import, naming them', async () => {
    const planned = await plan([row(4, { name: '李四', gender: '女', birthDate: '1990-01-01', idNumber: ID2 })]);
    const { batch } = await commitLedgerImport(db, { branchId, fileName: '花名册.xlsx', rows: planned });
    const added = (await db.members.toArray()).find((m) => m.name === '李四')!;
    await updateMember(db, added.id, { ...added, phone: '13900000000' }, today);
    await expect(undoImport(db, batch.id)).rejects.toThrow(ImportRefusedError);
    await expect(undoImport(db, batch.id)).rejects.toThrow('李四');
    expect(await db.members.count()).toBe(2);
  });

  it('refuses the commit, writing nothing, when a planned member changed after the preview', async () => {
    const planned = await plan([
      row(4, { name: '王五', gender: '女', birthDate: '1990-01-01', idNumber: ID2 }),
      row(5, { name: '张三', gender: '男', birthDate: '1985-06-12', idNumber: ID1, phone: '13800000000' }),
    ]);
    await updateMember(db, existing.id, { ...existing, jobTitle: '科员' }, today);
    await expect(commitLedgerImport(db, { branchId, fileName: '花名册.xlsx', rows: planned })).rejects.toThrow('预览之后');
    expect(await db.members.count()).toBe(1);
    expect(await db.importBatches.count()).toBe(0);
  });
});

// ── Every ledger: commitLedgerImport / undoImport ───────────────────────────────────────────────────────────
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../shared/ledgers/fixtures/${name}`, import.meta.url)));

async function contextOf(target: string): Promise<ImportContext> {
  return importContext(db, target, today);
}

async function planFile(name: string, target = branchId): Promise<PlannedRow[]> {
  const result = await readLedgerFile(name, fixture(name), { today });
  const sheet = result.sheets.find((s) => s.ledger);
  return planLedgerImport(sheet!.ledger!, sheet!.rows, await contextOf(target));
}

const TABLES = ['branches', 'members', 'meetings', 'talks', 'analyses', 'rectifications', 'importBatches'] as const;

async function everything() {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    out[t] = ((await db.table(t).toArray()) as { id: string }[]).sort((a, b) => a.id.localeCompare(b.id));
  }
  return out;
}

describe('commitLedgerImport / undoImport for every ledger', () => {
  beforeEach(async () => {
    // The sample roster, so that the names in the other sample ledgers are members of the branch.
    await db.members.clear();
    const roster = await planFile('党员花名册.xlsx');
    expect(countPlan(roster).有错误).toBe(0);
    await commitLedgerImport(db, { branchId, fileName: '党员花名册.xlsx', rows: roster });
  });

  it.each([
    ['三会一课台账.xlsx', 'meetings', 44, 44],
    ['谈心谈话记录.xlsx', 'talks', 20, 20],
    ['党员思想动态分析.xlsx', 'analyses', 24, 1],
    ['整改台账.xlsx', 'rectifications', 11, 11],
  ] as const)('%s: writes exactly the plan, a second import skips everything, undo restores every table', async (file, table, newRows, records) => {
    const before = await everything();
    const plan = await planFile(file);
    expect(countPlan(plan).新增).toBe(newRows);
    const result = await commitLedgerImport(db, { branchId, fileName: file, rows: plan });
    expect(await db.table(table).count()).toBe(records);
    expect(result.added).toBe(records);
    // One entry names what the import added (the batch lists every id), not one entry per record.
    const audit = await db.auditLog.where('importBatchId').equals(result.batch.id).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', table, branchId, summary: expect.stringContaining(file) });
    expect(result.batch.added.filter((a) => a.table === table)).toHaveLength(records);

    const again = await planFile(file);
    expect(countPlan(again)).toMatchObject({ 新增: 0, 更新: 0, 跳过: newRows });

    await undoImport(db, result.batch.id);
    const after = await everything();
    expect({ ...after, importBatches: [] }).toEqual({ ...before, importBatches: [] });
    expect(after.importBatches).toHaveLength((before.importBatches).length + 1);
  });

  // Issue 10: the file gives counts and names the absent, not who attended: no attendance is made from the roster.
  it('stores meetings on the day and at the wall-clock time of the file, with the counts as its headcount', async () => {
    const plan = await planFile('三会一课台账.xlsx');
    await commitLedgerImport(db, { branchId, fileName: 'm.xlsx', rows: plan });
    const meetings = await db.meetings.toArray();
    const party = meetings.find((m) => m.type === '支部党员大会' && m.startAt.startsWith('2025-06-23'))!;
    expect(party.startAt.slice(0, 16)).toBe('2025-06-23T09:00');
    expect(party.attendance).toEqual([]);
    expect(party.headcount).toMatchObject({ expected: 24, present: 23, onLeave: 1 });
    expect(party.content).toContain('缺席人员：程鹏敏（病假）');
    expect(meetings.find((m) => m.startAt.startsWith('2025-01-19'))?.startAt.slice(11, 16)).toBe('14:00');
  });

  it('updates records, keeping prior versions, and undo puts them back', async () => {
    const first = await commitLedgerImport(db, { branchId, fileName: 'a.xlsx', rows: await planFile('党员思想动态分析.xlsx') });
    const analysis = (await db.analyses.toArray())[0];
    const plan = await planFile('党员思想动态分析.xlsx');
    // The same rows with one state changed → one 更新 of the Analysis's entry.
    const row = plan[1];
    const changed = planLedgerImport(
      'analyses',
      [{ ...row.source!, record: { ...(row.source!.record as object), state: '较稳定' } }],
      await contextOf(branchId),
    );
    expect(changed[0]).toMatchObject({ action: '更新', recordId: analysis.id });
    const before = await everything();
    const second = await commitLedgerImport(db, { branchId, fileName: 'b.xlsx', rows: changed });
    expect(second).toMatchObject({ added: 0, updated: 1 });
    const stored = (await db.analyses.get(analysis.id))!;
    expect(stored.entries.find((e) => e.memberId === (changed[0].after as { memberId: string }).memberId)?.state).toBe('较稳定');
    expect(stored.entries).toHaveLength(24);
    const [entry] = await db.auditLog.where('importBatchId').equals(second.batch.id).toArray();
    expect(entry).toMatchObject({ action: 'update', table: 'analyses', recordId: analysis.id, summary: expect.stringContaining('修改1名党员的思想状况') });
    expect(Object.keys(entry.changes ?? {})).toEqual(['entries']);
    await undoImport(db, second.batch.id);
    expect({ ...(await everything()), importBatches: [] }).toEqual({ ...before, importBatches: [] });
    expect(first.batch.id).not.toBe(second.batch.id);
  });

  it('refuses the commit, writing nothing, when a record to update changed since the plan', async () => {
    await commitLedgerImport(db, { branchId, fileName: 'r.xlsx', rows: await planFile('整改台账.xlsx') });
    const ctx = await contextOf(branchId);
    const task = ctx.rectifications[0];
    const [row] = planLedgerImport(
      'rectifications',
      [{ rowNumber: 9, values: {}, issues: [], record: { source: task.source, category: task.category, problem: task.problem, status: task.status, owner: '新责任人' } }],
      ctx,
    );
    expect(row.action).toBe('更新');
    await db.rectifications.put({ ...task, goal: '手工修改' });
    const before = await everything();
    await expect(commitLedgerImport(db, { branchId, fileName: 'r2.xlsx', rows: [row] })).rejects.toThrow(
      /第9行对应的整改任务“.+”在预览之后已被修改或删除/,
    );
    expect(await everything()).toEqual(before);
  });

  it('a failure midway writes nothing: no branch, no record, no audit entry, no batch', async () => {
    const before = await everything();
    const auditCount = await db.auditLog.count();
    const plan = await planFile('三会一课台账.xlsx');
    const broken = plan.map((r, i) => (i === 30 ? ({ ...r, after: { ...(r.after as object), startAt: '不是时间' } } as PlannedRow) : r)); // why: a plan broken on purpose
    await expect(commitLedgerImport(db, { branchId, fileName: 'm.xlsx', rows: broken })).rejects.toThrow(ImportRefusedError);
    const members = [
      { rowNumber: 4, kind: 'members', action: '新增', blocked: false, target: { newBranchName: '新建的第九支部' }, after: { ...(await db.members.toArray())[0], id: undefined, branchId: undefined } },
      { rowNumber: 5, kind: 'members', action: '新增', blocked: false, target: { newBranchName: '新建的第九支部' }, after: { name: '' } },
    ] as unknown as PlannedRow[];
    await expect(commitLedgerImport(db, { branchId, fileName: 'x.xlsx', rows: members })).rejects.toThrow('第5行不能导入');
    expect(await everything()).toEqual(before);
    expect(await db.auditLog.count()).toBe(auditCount);
  });

  it('creates the branches named in 所在党支部 and undo removes them with their members', async () => {
    const before = await everything();
    const ctx = await contextOf(branchId);
    const source = ctx.members.slice(0, 3).map((m, i) => ({
      rowNumber: 4 + i,
      values: {},
      issues: [],
      record: { ...m, id: undefined, branchId: undefined, createdAt: undefined, updatedAt: undefined, branchName: i === 0 ? undefined : '测试局机关第九党支部' },
    }));
    const plan = planLedgerImport('members', source as ParsedRow[], ctx);
    expect(plan.map((p) => [p.action, p.target])).toEqual([
      ['跳过', { branchId }],
      ['新增', { newBranchName: '测试局机关第九党支部' }],
      ['新增', { newBranchName: '测试局机关第九党支部' }],
    ]);
    const result = await commitLedgerImport(db, { branchId, fileName: 'x.xlsx', rows: plan });
    const created = (await db.branches.toArray()).find((b) => b.name === '测试局机关第九党支部')!;
    expect(await db.members.where('branchId').equals(created.id).count()).toBe(2);
    expect(result).toMatchObject({ added: 2, branchesCreated: 1 });
    await undoImport(db, result.batch.id);
    expect({ ...(await everything()), importBatches: [] }).toEqual({ ...before, importBatches: [] });
  });

  it('refuses undo when a record of the batch was changed afterwards, naming it', async () => {
    const { batch } = await commitLedgerImport(db, { branchId, fileName: 't.xlsx', rows: await planFile('谈心谈话记录.xlsx') });
    const talk = (await db.talks.toArray()).find((t) => t.date === '2025-08-18')!;
    await updateTalk(db, talk.id, { ...talk, location: '谈话室', content: '后来补充的内容' }, today);
    await expect(undoImport(db, batch.id)).rejects.toThrow('2025-08-18的谈话记录');
    expect(await db.talks.count()).toBe(20);
  });
});

describe('batches stored by the first version', () => {
  it('undoes a members-only batch written in the old shape (one audit entry per member)', async () => {
    const before = await snapshot();
    const added: Member = { ...existing, id: 'old-added', name: '旧导入' };
    const changed: Member = { ...existing, phone: '13700000000' };
    await db.members.bulkPut([added, changed]);
    await db.auditLog.bulkAdd([
      { at: '2026-11-01T10:00:00+08:00', actor: '本机用户', table: 'members', action: 'create', recordId: added.id, branchId, summary: '导入新增党员 旧导入', importBatchId: 'old-batch' },
      { at: '2026-11-01T10:00:00+08:00', actor: '本机用户', table: 'members', action: 'update', recordId: existing.id, branchId, summary: '导入修改 联系电话', importBatchId: 'old-batch' },
    ]);
    await db.importBatches.add({
      id: 'old-batch',
      at: '2026-11-01T10:00:00+08:00',
      branchId,
      fileName: '花名册.xlsx',
      added: [{ table: 'members', id: added.id }],
      replaced: [{ table: 'members', record: existing }],
    });
    await undoImport(db, 'old-batch');
    expect(await snapshot()).toEqual(before);
  });
});

describe('民主评议, 党费 and 学时 through the one commit path', () => {
  it.each(['reviews', 'dues', 'training'] as const)('%s: an export of the demo imports as new records into a branch without them; undo removes them', async (kind) => {
    const demoToday = '2025-06-15';
    const demo = generateDemoBranch({ today: demoToday });
    const ledgers = demoLedgers(demo, { today: demoToday });
    await db.branches.add(demo.branch);
    await db.members.bulkAdd(demo.members);
    const data = ledgerDataset({ branch: demo.branch, ...emptyLedgerRecords(), members: demo.members, meetings: demo.meetings, [kind]: ledgers[kind] });
    const bytes = await buildLedgerWorkbook(kind, data, { period: rangePeriod('2024-01-01', '2025-12-31'), generatedOn: demoToday });
    const sheet = (await readLedgerFile(`${kind}.xlsx`, bytes, { today: demoToday })).sheets[0];
    expect(sheet.ledger).toBe(kind);
    const plan = planLedgerImport(kind, sheet.rows, await importContext(db, demo.branch.id, demoToday));
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.filter((r) => r.blocked || r.action !== '新增').map((r) => [r.rowNumber, r.action, r.reason])).toEqual([]);

    const result = await commitLedgerImport(db, { branchId: demo.branch.id, fileName: `${kind}.xlsx`, rows: plan });
    expect(result).toMatchObject({ added: plan.length, updated: 0 });
    const stored = await db.table(kind).where('branchId').equals(demo.branch.id).toArray();
    expect(stored).toHaveLength(plan.length);
    // Each stored record passes its kind's schema, and says what the demo's record of the same key says.
    expect(stored.every((r) => specOf(kind).schema.safeParse(r).success)).toBe(true);
    if (kind !== 'dues') {
      const strip = ({ id: _i, createdAt: _c, updatedAt: _u, meetingId: _m, ...rest }: Record<string, unknown>) => rest;
      const sorted = (list: readonly object[]) => list.map((r) => JSON.stringify(strip(r as Record<string, unknown>))).sort();
      expect(sorted(stored)).toEqual(sorted(ledgers[kind]));
    }
    const audit = await db.auditLog.where('importBatchId').equals(result.batch.id).toArray();
    expect(audit.map((a) => [a.table, a.action])).toEqual([[kind, 'create']]);
    expect(audit[0].summary).toContain(`导入新增${specOf(kind).labels.record}${plan.length}条`);

    await undoImport(db, result.batch.id);
    expect(await db.table(kind).where('branchId').equals(demo.branch.id).count()).toBe(0);
  });
});
