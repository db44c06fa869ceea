import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Branch } from '@shared/model';
import { historyOf } from './audit';
import type { BranchLedgerDatabase } from './database';
import { deleteRecord } from './deletion';
import { specOf } from '@shared/kinds';
import { LEDGER_KINDS } from '@shared/model/kinds';
import { NotFoundError, ValidationError } from './errors';
import { createRecord, fieldChange, getRecord, newRecordMeta, recordNoun, updateRecord } from './records';
import { demoDatabase, refusal } from './testing';

let db: BranchLedgerDatabase;
let branch: Branch;

beforeEach(async () => {
  ({ db, branch } = await demoDatabase('2025-03-05'));
});

const rename = (name: string) => (before: Branch) => ({ after: { ...before, name }, summary: '修改支部信息' });

describe('the record path', () => {
  it('names a missing record in Chinese, for every table', async () => {
    await expect(getRecord(db, 'rectifications', 'gone')).rejects.toThrow('该整改任务不存在或已被删除');
    await expect(updateRecord(db, 'members', 'gone', { next: () => undefined })).rejects.toThrow('该党员不存在或已被删除');
    await expect(deleteRecord(db, 'dues', 'gone', { summary: () => '' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteRecord(db, 'dues', 'gone', { summary: () => '' })).rejects.toThrow('该党费记录不存在或已被删除');
    // A ledger kind's noun is its spec's record label; the branch and a file have their own.
    for (const kind of LEDGER_KINDS) {
      expect(recordNoun(kind)).toBe(`该${specOf(kind).labels.record}`);
    }
    await expect(getRecord(db, 'training', 'gone')).rejects.toThrow('该学时记录不存在或已被删除');
    await expect(getRecord(db, 'reviews', 'gone')).rejects.toThrow('该民主评议结果不存在或已被删除');
    expect([recordNoun('branches'), recordNoun('attachments')]).toEqual(['该支部', '该附件']);
  });

  it('checks a ledger kind\'s record against its spec\'s schema before writing it', async () => {
    const [member] = await db.members.where('branchId').equals(branch.id).toArray();
    const record = { ...newRecordMeta(), branchId: branch.id, memberId: member.id, date: '2025-03-01', activity: '支部学习', form: '支部学习' as const, hours: -2 };
    await expect(createRecord(db, 'training', record, '新增学时记录')).rejects.toBeInstanceOf(ValidationError);
    expect(await db.training.get(record.id)).toBeUndefined();
    const saved = await createRecord(db, 'training', { ...record, hours: 2 }, '新增学时记录');
    expect(await db.training.get(saved.id)).toMatchObject({ hours: 2 });
  });

  it('writes the next version with an audit entry of its changes; nothing when there is no change or the check refuses', async () => {
    const renamed = await updateRecord(db, 'branches', branch.id, { next: rename('改名后的支部') });
    expect((await getRecord(db, 'branches', branch.id)).name).toBe('改名后的支部');
    expect((await historyOf(db, 'branches', branch.id))[0]).toMatchObject({ summary: '修改支部信息', changes: { name: [branch.name, '改名后的支部'] } });

    expect(await updateRecord(db, 'branches', branch.id, { next: () => undefined })).toEqual(renamed);
    await expect(
      updateRecord(db, 'branches', branch.id, {
        check: () => {
          throw new Error('只读');
        },
        next: rename('不应写入'),
      }),
    ).rejects.toThrow('只读');
    expect((await getRecord(db, 'branches', branch.id)).name).toBe('改名后的支部');
    expect(await historyOf(db, 'branches', branch.id)).toHaveLength(1);
  });

  it('refuses a version its model’s schema refuses, writing nothing', async () => {
    const problems = (await refusal(updateRecord(db, 'branches', branch.id, { next: rename('') }))).problems;
    expect(problems.map((p) => p.field)).toEqual(['name']);
    const member = { ...newRecordMeta(), branchId: branch.id, name: '张三', category: '正式党员' as const, status: '正常' as const, joinedOn: '2025-13-01' };
    await db.transaction('rw', db.members, db.auditLog, async () => {
      expect((await refusal(createRecord(db, 'members', member, '新增党员 张三'))).problems.map((p) => p.field)).toContain('joinedOn');
    });
    expect(await db.members.get(member.id)).toBeUndefined();
    expect(await historyOf(db, 'branches', branch.id)).toEqual([]);
  });

  it('summarises a form edit by the names of the fields that changed, and removes a cleared one', () => {
    const before = { id: 'x', updatedAt: '2025-01-01', phone: '123', note: '备注', kept: 1 };
    const labels = { phone: '联系电话', note: '备注' };
    const change = fieldChange(before, { fields: { phone: '456', note: undefined }, keys: ['phone', 'note'], labels });
    expect(change?.summary).toBe('修改 联系电话、备注');
    expect(change?.after).toMatchObject({ phone: '456', kept: 1 });
    expect(change && 'note' in change.after).toBe(false);
    expect(fieldChange(before, { fields: { phone: '123', note: '备注' }, keys: ['phone', 'note'], labels })).toBeUndefined();
  });
});
