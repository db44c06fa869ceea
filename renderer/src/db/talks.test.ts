import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import type { Branch, Member } from '@shared/model';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError } from './errors';
import { addTalk, deleteTalk, listTalks, listTalksFrom, talkHistory, updateTalk, type TalkInput } from './talks';
import { demoDatabase, refusal } from './testing';

const TODAY = '2025-03-05';
let db: BranchLedgerDatabase;
let branch: Branch;
let members: Member[];
/** members[0] is the demo's 书记; members[10] an ordinary 党员. */
let secretary: Member;
let member: Member;

beforeEach(async () => {
  ({ db, branch, members } = await demoDatabase(TODAY));
  secretary = members[0];
  member = members[10];
});

function talk(fields: Partial<TalkInput> = {}): TalkInput {
  return {
    date: TODAY,
    location: ' 党员活动室 ',
    talkerId: secretary.id,
    intervieweeIds: [member.id],
    kind: '交流谈话',
    form: '个别',
    content: '交流近期思想和工作情况。',
    issuesRaised: '',
    followUp: '  ',
    ...fields,
  };
}

async function problemsOf(work: Promise<unknown>) {
  return (await refusal(work)).problems;
}

describe('talks repository', () => {
  it('adds a talk with its audit entry in one transaction, trimming text and dropping empty fields', async () => {
    const saved = await addTalk(db, branch.id, talk(), TODAY);
    expect(saved).toMatchObject({ branchId: branch.id, location: '党员活动室', kind: '交流谈话', form: '个别' });
    expect(saved.issuesRaised).toBeUndefined();
    expect(saved.followUp).toBeUndefined();
    expect(await db.talks.get(saved.id)).toEqual(saved);
    expect((await talkHistory(db, saved.id)).map((h) => h.summary)).toEqual([
      `新增谈心谈话 2025年3月5日 ${secretary.name}与${member.name}（交流谈话）`,
    ]);
  });

  it('refuses a talk with oneself, writing nothing', async () => {
    const problems = await problemsOf(addTalk(db, branch.id, talk({ intervieweeIds: [secretary.id] }), TODAY));
    expect(problems).toEqual([{ field: 'intervieweeIds', message: '谈话人不能同时是谈话对象' }]);
    expect(await db.talks.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses a future date, 个别 with two 谈话对象 and missing 地点 and 内容, all at once', async () => {
    const problems = await problemsOf(
      addTalk(db, branch.id, talk({ date: '2025-03-06', location: '', content: '', intervieweeIds: [member.id, members[11].id] }), TODAY),
    );
    expect(problems).toEqual([
      { field: 'date', message: '谈话时间不能晚于今天' },
      { field: 'location', message: '请填写谈话地点' },
      { field: 'intervieweeIds', message: '个别谈话只能有1名谈话对象；一对多请选择“集中”' },
      { field: 'content', message: '请填写谈话内容' },
    ]);
  });

  it('names the missing choices in the form’s words', async () => {
    const problems = await problemsOf(addTalk(db, branch.id, talk({ date: '', talkerId: '', intervieweeIds: [] }), TODAY));
    expect(problems).toEqual([
      { field: 'date', message: '请选择谈话时间' },
      { field: 'talkerId', message: '请选择谈话人' },
      { field: 'intervieweeIds', message: '请选择谈话对象' },
    ]);
  });

  it('refuses people of another branch', async () => {
    const other = generateDemoBranch({ today: TODAY, seed: 7, branchNumber: 2 });
    await db.branches.add(other.branch);
    await db.members.bulkAdd(other.members);
    const problems = await problemsOf(addTalk(db, branch.id, talk({ intervieweeIds: [other.members[3].id] }), TODAY));
    expect(problems).toEqual([{ field: 'intervieweeIds', message: '谈话对象中有不是本支部党员的人员' }]);
    const talker = await problemsOf(addTalk(db, branch.id, talk({ talkerId: other.members[3].id }), TODAY));
    expect(talker).toEqual([{ field: 'talkerId', message: '谈话人不是本支部党员' }]);
  });

  it('records a 集中 talk with several 谈话对象', async () => {
    const group = [member.id, members[11].id, members[12].id, members[13].id];
    const saved = await addTalk(db, branch.id, talk({ form: '集中', intervieweeIds: group, kind: '教育谈话' }), TODAY);
    expect(saved.intervieweeIds).toEqual(group);
    const [entry] = await talkHistory(db, saved.id);
    expect(entry.summary).toBe(`新增谈心谈话 2025年3月5日 ${secretary.name}与${member.name}、${members[11].name}、${members[12].name}等4人（教育谈话）`);
  });

  it('updates with the changed fields in the log, clears emptied fields and keeps the 整改 link', async () => {
    const saved = await addTalk(db, branch.id, talk({ issuesRaised: '工作压力较大' }), TODAY);
    await db.talks.update(saved.id, { rectificationId: 'rect-1' });
    const updated = await updateTalk(db, saved.id, talk({ kind: '关怀谈话', issuesRaised: '' }), TODAY);
    expect(updated.kind).toBe('关怀谈话');
    expect(updated.issuesRaised).toBeUndefined();
    expect(updated.rectificationId).toBe('rect-1');
    const history = await talkHistory(db, saved.id);
    expect(history[0].summary).toBe('修改 谈话类型、反映的问题及思想动态');
    expect(history[0].changes).toMatchObject({ kind: ['交流谈话', '关怀谈话'], issuesRaised: ['工作压力较大', undefined] });
    // Saving unchanged values writes nothing.
    expect(await updateTalk(db, saved.id, talk({ kind: '关怀谈话', issuesRaised: '' }), TODAY)).toEqual(updated);
    expect(await talkHistory(db, saved.id)).toHaveLength(2);
  });

  it('refuses an invalid update, leaving the record as it was', async () => {
    const saved = await addTalk(db, branch.id, talk(), TODAY);
    await problemsOf(updateTalk(db, saved.id, talk({ talkerId: member.id }), TODAY));
    expect(await db.talks.get(saved.id)).toEqual(saved);
  });

  it('deletes a talk, keeping the record in the log', async () => {
    const saved = await addTalk(db, branch.id, talk(), TODAY);
    await deleteTalk(db, saved.id);
    expect(await db.talks.get(saved.id)).toBeUndefined();
    const [entry] = await talkHistory(db, saved.id);
    expect(entry).toMatchObject({ action: 'delete', summary: `删除谈心谈话 2025年3月5日 ${secretary.name}与${member.name}（交流谈话）` });
    expect(entry.before).toMatchObject({ id: saved.id, talkerId: secretary.id });
  });

  it('says a talk is gone with NotFoundError', async () => {
    await expect(deleteTalk(db, 'missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateTalk(db, 'missing', talk(), TODAY)).rejects.toThrow('该谈话记录不存在或已被删除');
  });

  it('lists a branch’s talks of a year newest first, and from a date on', async () => {
    const early = await addTalk(db, branch.id, talk({ date: '2024-12-30' }), TODAY);
    const march = await addTalk(db, branch.id, talk({ date: '2025-03-01' }), TODAY);
    const january = await addTalk(db, branch.id, talk({ date: '2025-01-10' }), TODAY);
    expect((await listTalks(db, branch.id, 2025)).map((t) => t.id)).toEqual([march.id, january.id]);
    expect((await listTalks(db, branch.id, 2024)).map((t) => t.id)).toEqual([early.id]);
    expect((await listTalks(db, branch.id)).map((t) => t.id)).toEqual([march.id, january.id, early.id]);
    expect((await listTalksFrom(db, branch.id, '2025-01-01')).map((t) => t.id).sort()).toEqual([march.id, january.id].sort());
    expect(await listTalks(db, 'other-branch', 2025)).toEqual([]);
  });
});
