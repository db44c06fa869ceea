import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeCheckChar, type Member } from '@shared/model';
import { planMemberImport } from '@shared/imports';
import type { ImportedMember, ParsedRow } from '@shared/ledgers';
import { createBranch } from './branches';
import type { BranchLedgerDatabase } from './database';
import { commitMemberImport, ImportRefusedError, listImportBatches, undoImport } from './imports';
import { addMember, updateMember } from './members';
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
  const members = await db.members.toArray();
  return planMemberImport(rows, members, { id: branchId }, today);
}

async function snapshot() {
  return (await db.members.toArray()).sort((a, b) => a.id.localeCompare(b.id));
}

describe('commitMemberImport / undoImport', () => {
  it('adds and updates in one batch with audit entries, and undo restores the members exactly', async () => {
    const before = await snapshot();
    const planned = await plan([
      row(4, { name: '张三', gender: '男', birthDate: '1985-06-12', idNumber: ID1, phone: '13800000000' }),
      row(5, { name: '李四', gender: '女', birthDate: '1990-01-01', idNumber: ID2 }),
    ]);
    expect(planned.map((p) => p.action)).toEqual(['更新', '新增']);
    const result = await commitMemberImport(db, branchId, '花名册.xlsx', planned);
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
    const { batch } = await commitMemberImport(db, branchId, '花名册.xlsx', planned);
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
    await expect(commitMemberImport(db, branchId, '花名册.xlsx', planned)).rejects.toThrow('预览之后');
    expect(await db.members.count()).toBe(1);
    expect(await db.importBatches.count()).toBe(0);
  });
});
