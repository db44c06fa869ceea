import { analysisPeriodLabel } from '@shared/analyses';
import { formatDate, todayIso } from '@shared/dates';
import { branchFieldsSchema, CURRENT_BRANCH_KEY, type AuditedTable, type Branch, type BranchFields } from '@shared/model';
import { LEDGER_KINDS, type LedgerKind, type Stored } from '@shared/model/kinds';
import { nowIso, writeAuditMany, type AuditInput } from './audit';
import { BRANCH_RECORD_TABLES, type BranchLedgerDatabase } from './database';
import { problemsFromZod, ValidationError } from './errors';
import { createRecord, getRecord, newRecordMeta, removeRecord, tableNames, updateRecord } from './records';

function parseBranch(input: BranchFields) {
  const parsed = branchFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(problemsFromZod(parsed.error));
  }
  return parsed.data;
}

export async function createBranch(db: BranchLedgerDatabase, input: BranchFields): Promise<Branch> {
  const fields = parseBranch(input);
  return db.transaction('rw', db.branches, db.auditLog, db.settings, async () => {
    const branch = await createRecord(db, 'branches', { ...fields, ...newRecordMeta() }, `创建支部 ${fields.name}`);
    await db.settings.put({ key: CURRENT_BRANCH_KEY, value: branch.id });
    return branch;
  });
}

export async function updateBranch(db: BranchLedgerDatabase, id: string, input: BranchFields): Promise<Branch> {
  const fields = parseBranch(input);
  return updateRecord(db, 'branches', id, {
    next: (before) => ({ after: { ...before, ...fields, isDemo: before.isDemo, updatedAt: nowIso() }, summary: '修改支部信息' }),
  });
}

/**
 * Removes a branch with every record and attachment it holds, in one transaction. The app offers it for the
 * demo branch and, behind a typed confirmation, for a branch created by mistake.
 */
export async function deleteBranch(db: BranchLedgerDatabase, id: string): Promise<void> {
  const tables = [db.branches, db.auditLog, db.settings, ...BRANCH_RECORD_TABLES.map((name) => db.table(name))];
  await db.transaction('rw', tables, async () => {
    const branch = await getRecord(db, 'branches', id);
    for (const name of BRANCH_RECORD_TABLES) {
      await db.table(name).where('branchId').equals(id).delete();
    }
    await removeRecord(db, 'branches', branch, `删除支部 ${branch.name}${branch.isDemo ? '（示例数据）' : ''}及其全部记录`);
    const current = await db.settings.get(CURRENT_BRANCH_KEY);
    if (current?.value === id) {
      const next = await db.branches.toCollection().first();
      await (next ? db.settings.put({ key: CURRENT_BRANCH_KEY, value: next.id }) : db.settings.delete(CURRENT_BRANCH_KEY));
    }
  });
}

/** 加载示例数据: the deterministic demo branch with its records of every ledger kind, written in one transaction and made current. */
export async function loadDemoData(db: BranchLedgerDatabase, today: string = todayIso()): Promise<Branch> {
  const existing = await db.branches.filter((b) => b.isDemo).count();
  // The generator and its name lists load when asked for, not with the app's first screen.
  const [{ generateDemoBranch }, { demoLedgers }] = await Promise.all([import('@shared/demo'), import('@shared/kinds')]);
  const seed = 20250305 + existing;
  const demo = generateDemoBranch({ today, seed, branchNumber: existing + 1 });
  // Every kind's spec gives its demo records (the later kinds are generated from the branch).
  const ledgers = demoLedgers(demo, { today, seed });
  const nameOf = new Map(demo.members.map((m) => [m.id, m.name]));
  const nameOfMember = (id: string) => nameOf.get(id) ?? '';
  const summaries: { [K in LedgerKind]: (record: Stored<K>) => string } = {
    members: (m) => `新增党员 ${m.name}`,
    meetings: (m) => `新增${m.type} ${m.title}`,
    talks: (t) => `新增谈心谈话 ${formatDate(t.date)} ${nameOfMember(t.talkerId)}与${t.intervieweeIds.map(nameOfMember).join('、')}（${t.kind}）`,
    analyses: (a) => `新增思想动态分析 ${analysisPeriodLabel(a)}`,
    rectifications: (r) => `新增整改任务 ${r.problem.slice(0, 20)}`,
    reviews: (r) => `新增民主评议结果 ${r.year}年度 ${nameOfMember(r.memberId)}`,
    dues: (p) => `新增党费记录 ${nameOfMember(p.memberId)} ${formatDate(p.month)}`,
    training: (t) => `新增学时记录 ${nameOfMember(t.memberId)} ${formatDate(t.date)} ${t.activity} ${t.hours}学时`,
  };
  const auditsOf = <K extends LedgerKind>(kind: K): AuditInput[] => ledgers[kind].map((record) => demoAudit(kind, record, summaries[kind](record)));
  await db.transaction('rw', tableNames('branches', ...LEDGER_KINDS, 'attachments', 'auditLog', 'settings'), async () => {
    await db.branches.add(demo.branch);
    for (const kind of LEDGER_KINDS) {
      await db.table<Stored<LedgerKind>, string>(kind).bulkAdd(ledgers[kind]);
    }
    await db.attachments.bulkAdd(demo.evidence.map((file) => ({ ...file.meta, data: new Blob([file.text], { type: file.meta.mimeType }) })));
    // One bulk write, in the order the records were added.
    await writeAuditMany(db, [
      { table: 'branches', action: 'create', recordId: demo.branch.id, branchId: demo.branch.id, summary: `加载示例数据：${demo.branch.name}` },
      ...LEDGER_KINDS.flatMap(auditsOf),
      ...demo.evidence.map((file) => demoAudit('attachments', file.meta, `上传佐证材料 ${file.meta.name}`)),
    ]);
    await db.settings.put({ key: CURRENT_BRANCH_KEY, value: demo.branch.id });
  });
  return demo.branch;
}

function demoAudit(table: AuditedTable, record: { id: string; branchId: string }, summary: string): AuditInput {
  return { table, action: 'create', recordId: record.id, branchId: record.branchId, summary: `${summary}（示例数据）` };
}

export async function setCurrentBranch(db: BranchLedgerDatabase, id: string): Promise<void> {
  await db.settings.put({ key: CURRENT_BRANCH_KEY, value: id });
}

/** The branch to show: the one last chosen, else the first. */
export async function currentBranch(db: BranchLedgerDatabase): Promise<Branch | undefined> {
  const chosen = await db.settings.get(CURRENT_BRANCH_KEY);
  if (typeof chosen?.value === 'string') {
    const branch = await db.branches.get(chosen.value);
    if (branch) {
      return branch;
    }
  }
  return db.branches.toCollection().first();
}
