import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BRANCH_ID, makeMeeting, makeMember } from '@shared/rules/testFixtures';
import type { BranchLedgerDatabase } from './database';
import { addTraining, creditMeetingHours, deleteTraining, listTraining, updateTraining } from './training';
import { freshDatabase, refusal } from './testing';

let db: BranchLedgerDatabase;
const members = [makeMember('a', { name: '安娜' }), makeMember('b', { name: '白杨' }), makeMember('c', { name: '陈晨' })];
const attendance = [
  { memberId: 'a', state: '出席' as const },
  { memberId: 'b', state: '请假' as const, reason: '出差' },
  { memberId: 'c', state: '出席' as const },
];

beforeEach(async () => {
  db = freshDatabase();
  await db.members.bulkAdd(members);
});

describe('training repository', () => {
  it('adds, edits and deletes a record, each with its audit entry', async () => {
    const record = await addTraining(db, BRANCH_ID, { date: '2025-03-05', memberId: 'a', activity: '专题讲座：党纪学习教育', form: '专题讲座', hours: 4 });
    await updateTraining(db, record.id, { date: '2025-03-05', memberId: 'a', activity: '专题讲座：党纪学习教育', form: '专题讲座', hours: 8 });
    expect((await listTraining(db, BRANCH_ID, 2025)).map((r) => r.hours)).toEqual([8]);
    await deleteTraining(db, record.id);
    expect(await listTraining(db, BRANCH_ID, 2025)).toEqual([]);
    expect((await db.auditLog.toArray()).map((e) => e.summary)).toEqual([
      '新增学时记录 安娜 2025年3月5日 专题讲座：党纪学习教育 4学时',
      '修改 学时',
      '删除学时记录 安娜 2025年3月5日 专题讲座：党纪学习教育 8学时',
    ]);
  });

  it('refuses quarter hours and a member of another branch', async () => {
    const error = await refusal(addTraining(db, BRANCH_ID, { date: '2025-03-05', memberId: 'a', activity: '学习', form: '支部学习', hours: 1.25 }));
    expect(error.problems).toEqual([{ field: 'hours', message: '学时以0.5为单位' }]);
    const other = await refusal(addTraining(db, 'elsewhere', { date: '2025-03-05', memberId: 'a', activity: '学习', form: '支部学习', hours: 2 }));
    expect(other.problems[0].message).toBe('该人员不是本支部党员');
    expect(await db.training.count()).toBe(0);
  });

  it('credits a 集中学习’s attendees in one step, once, and says why a headcount-only meeting cannot', async () => {
    const study = makeMeeting('study', '集中学习', '2025-03-12T14:30:00+08:00', { title: '学习党的二十届三中全会精神', attendance });
    const counted = makeMeeting('counted', '集中学习', '2025-04-12', { headcount: { expected: 20, present: 18 } });
    await db.meetings.bulkAdd([study, counted]);
    expect(await creditMeetingHours(db, 'study', 3)).toEqual({ ok: true, credited: 2, alreadyCredited: 0 });
    expect(await creditMeetingHours(db, 'study', 3)).toEqual({ ok: true, credited: 0, alreadyCredited: 2 });
    const records = await listTraining(db, BRANCH_ID, 2025);
    expect(records.map((r) => [r.memberId, r.date, r.hours, r.form, r.meetingId]).sort()).toEqual([
      ['a', '2025-03-12', 3, '支部学习', 'study'],
      ['c', '2025-03-12', 3, '支部学习', 'study'],
    ]);
    expect(await db.auditLog.count()).toBe(2);
    const refused = await creditMeetingHours(db, 'counted', 3);
    expect(refused).toEqual({ ok: false, message: '该会议只记录了出席人数，没有出席名单，无法按人计入学时：请先在会议记录中填写出席情况' });
    expect(await db.training.count()).toBe(2);
  });
});
