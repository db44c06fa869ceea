import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeCheckChar } from '@shared/model';
import { createBranch } from './branches';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { addMember, deleteMemberEnteredByMistake, memberHistory, moveToHistory, restoreFromHistory, updateMember } from './members';
import { freshDatabase } from './testing';

const ID = '32010219850612001' + computeCheckChar('32010219850612001');
const today = '2025-03-05';
const zhangSan = {
  name: '张三',
  ethnicity: '汉族' as const,
  idNumber: ID,
  joinedOn: '2010-07-01',
  confirmedOn: '2011-07-01',
  category: '正式党员' as const,
};

let db: BranchLedgerDatabase;
let branchId: string;

beforeEach(async () => {
  db = freshDatabase();
  branchId = (await createBranch(db, { name: '中共测试局机关第一支部委员会' })).id;
});

describe('members repository', () => {
  it('adds a member, filling 性别 and 出生日期 from the ID, with an audit entry in the same write', async () => {
    const member = await addMember(db, branchId, zhangSan, today);
    expect(member).toMatchObject({ gender: '男', birthDate: '1985-06-12', status: '正常' });
    const history = await memberHistory(db, member.id);
    expect(history.map((h) => h.summary)).toEqual(['新增党员 张三']);
  });

  it('refuses a duplicate ID in the same branch and writes nothing', async () => {
    await addMember(db, branchId, zhangSan, today);
    const error = await addMember(db, branchId, { ...zhangSan, name: '张三丰' }, today).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.problems).toEqual([{ field: 'idNumber', message: '本支部已有相同公民身份号码的党员，不能重复登记' }]);
    expect(await db.members.count()).toBe(1);
    expect(await db.auditLog.where('table').equals('members').count()).toBe(1);
  });

  it('allows the same ID in another branch', async () => {
    const other = await createBranch(db, { name: '中共测试局机关第二支部委员会' });
    await addMember(db, branchId, zhangSan, today);
    await expect(addMember(db, other.id, zhangSan, today)).resolves.toBeTruthy();
  });

  it('keeps an ID that fails its check as written (待核对, fixed later), never as a duplicate key', async () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    const kept = await addMember(db, branchId, { ...zhangSan, idNumber: wrong, gender: undefined, birthDate: undefined }, today);
    expect(kept).toMatchObject({ idNumber: wrong });
    // Nothing is derived from a number that fails its check.
    expect(kept.gender).toBeUndefined();
    expect(kept.birthDate).toBeUndefined();
    // The same mistyped number on someone else is not refused as a duplicate: it identifies nobody.
    await expect(addMember(db, branchId, { name: '李四', idNumber: wrong }, today)).resolves.toMatchObject({ name: '李四' });
  });

  it('records what changed on update, and clears emptied fields', async () => {
    const member = await addMember(db, branchId, { ...zhangSan, phone: '13800000000' }, today);
    const updated = await updateMember(db, member.id, { ...zhangSan, phone: undefined, jobTitle: '科长' }, today);
    expect(updated.phone).toBeUndefined();
    expect(updated.jobTitle).toBe('科长');
    const [latest] = await memberHistory(db, member.id);
    expect(latest.summary).toBe('修改 工作岗位、联系电话');
    expect(latest.changes).toMatchObject({ phone: ['13800000000', undefined], jobTitle: [undefined, '科长'] });
  });

  it('moves a leaving member to 历史党员 and back, never deleting', async () => {
    const member = await addMember(db, branchId, zhangSan, today);
    const left = await moveToHistory(db, member.id, { reason: '转出', date: '2025-03-01' });
    expect(left.departure).toEqual({ reason: '转出', date: '2025-03-01' });
    expect(await db.members.count()).toBe(1);
    const back = await restoreFromHistory(db, member.id);
    expect(back.departure).toBeUndefined();
    const summaries = (await memberHistory(db, member.id)).map((h) => h.summary);
    expect(summaries).toEqual(['恢复为在册党员', '移入历史党员（转出，2025年3月1日）', '新增党员 张三']);
  });

  it('deletes a mistaken record but keeps it whole in the audit log', async () => {
    const member = await addMember(db, branchId, zhangSan, today);
    await deleteMemberEnteredByMistake(db, member.id);
    expect(await db.members.get(member.id)).toBeUndefined();
    const [entry] = await memberHistory(db, member.id);
    expect(entry).toMatchObject({ action: 'delete', before: expect.objectContaining({ name: '张三', idNumber: ID }) });
  });

  it('says plainly when the member no longer exists', async () => {
    const error = await updateMember(db, 'missing', zhangSan, today).catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('该党员不存在或已被删除');
  });
});
