import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Branch, Member, Rectification } from '@shared/model';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError } from './errors';
import { addMeeting } from './meetings';
import {
  addEvidence,
  addProgress,
  addRectification,
  changeStatus,
  deleteRectification,
  evidenceCounts,
  listEvidence,
  listRectifications,
  rectificationHistory,
  removeEvidence,
  removeProgress,
  updateRectification,
  type RectificationInput,
} from './rectifications';
import { addTalk } from './talks';
import { demoDatabase, refusal } from './testing';

const TODAY = '2025-03-05';
let db: BranchLedgerDatabase;
let branch: Branch;
let members: Member[];

beforeEach(async () => {
  ({ db, branch, members } = await demoDatabase(TODAY));
});

function input(fields: Partial<RectificationInput> = {}): RectificationInput {
  return {
    source: '组织生活会',
    category: '政治建设',
    problem: ' 理论学习不够系统深入 ',
    goal: '',
    measures: '每月集中学习1次',
    leader: members[0].name,
    owner: members[3].name,
    deadline: '2025-04-30',
    ...fields,
  };
}

async function problemsOf(work: Promise<unknown>): Promise<{ field: string; message: string }[]> {
  return (await refusal(work)).problems;
}

/** A 提醒谈话 of today, to raise a task from. */
function remindingTalk() {
  return addTalk(
    db,
    branch.id,
    { date: TODAY, location: '活动室', talkerId: members[0].id, intervieweeIds: [members[10].id], kind: '提醒谈话', form: '个别', content: '谈工作作风' },
    TODAY,
  );
}

const file = (name = '学习记录.pdf') => ({ name, mimeType: 'application/pdf', data: new Blob(['%PDF-1.4 学习记录'], { type: 'application/pdf' }) });

/** A task moved to 已完成待验收 with 完成情况. */
async function submitted(): Promise<Rectification> {
  const task = await addRectification(db, branch.id, input());
  await changeStatus(db, task.id, 'start', {}, TODAY);
  return changeStatus(db, task.id, 'submit', { outcome: '已开展集中学习3次' }, TODAY);
}

describe('整改任务 repository', () => {
  it('adds a trimmed task as 未启动 and logs it', async () => {
    const task = await addRectification(db, branch.id, input());
    expect(task).toMatchObject({ status: '未启动', problem: '理论学习不够系统深入', progress: [] });
    expect(task.goal).toBeUndefined();
    expect(await listRectifications(db, branch.id)).toEqual([task]);
    const [entry] = await rectificationHistory(db, task.id);
    expect(entry.summary).toBe('新增整改任务 理论学习不够系统深入');
  });

  it('refuses a task without 存在问题 or with a bad category, naming the field', async () => {
    const problems = await problemsOf(addRectification(db, branch.id, input({ problem: '  ', category: '思想建设' as never })));
    expect(problems).toEqual([
      { field: 'category', message: '请选择问题类别' },
      { field: 'problem', message: '请填写存在问题' },
    ]);
    await expect(addRectification(db, 'no-branch', input())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('raises a task from a meeting and from a talk, linking back (and the talk to the task)', async () => {
    const meeting = await addMeeting(db, branch.id, { type: '组织生活会', title: '2024年度组织生活会', startAt: '2025-01-15T14:30:00+08:00' });
    const fromMeeting = await addRectification(db, branch.id, input(), { table: 'meetings', id: meeting.id });
    expect(fromMeeting.origin).toEqual({ table: 'meetings', id: meeting.id });
    expect((await rectificationHistory(db, fromMeeting.id))[0].summary).toContain('（来自会议记录）');

    const talk = await remindingTalk();
    const fromTalk = await addRectification(db, branch.id, input(), { table: 'talks', id: talk.id });
    expect((await db.talks.get(talk.id))?.rectificationId).toBe(fromTalk.id);

    const problems = await problemsOf(addRectification(db, branch.id, input(), { table: 'meetings', id: 'missing' }));
    expect(problems).toEqual([{ field: 'origin', message: '来源会议记录不存在或不属于本支部' }]);
  });

  it('edits the form fields only, logging which changed, and keeps what the status needs', async () => {
    const task = await addRectification(db, branch.id, input());
    const updated = await updateRectification(db, task.id, input({ deadline: '2025-05-31', goal: '形成长效机制' }));
    expect(updated).toMatchObject({ deadline: '2025-05-31', goal: '形成长效机制', status: '未启动' });
    const [entry] = await rectificationHistory(db, task.id);
    expect(entry.summary).toBe('修改 整改目标、完成时限');
    expect(entry.changes?.deadline).toEqual(['2025-04-30', '2025-05-31']);
    expect(await updateRectification(db, task.id, input({ deadline: '2025-05-31', goal: '形成长效机制' }))).toEqual(updated);

    await changeStatus(db, task.id, 'start', {}, TODAY);
    const problems = await problemsOf(updateRectification(db, task.id, input({ owner: '', deadline: undefined })));
    expect(problems.map((p) => p.field)).toEqual(['owner', 'deadline']);
    expect(problems[0].message).toBe('任务整改中，不能清空责任人');
  });

  it('开始整改 is refused while 整改措施, 责任人 or 完成时限 is missing', async () => {
    const task = await addRectification(db, branch.id, input({ measures: '', owner: undefined, deadline: undefined }));
    const problems = await problemsOf(changeStatus(db, task.id, 'start', {}, TODAY));
    expect(problems.map((p) => p.message)).toEqual(['缺少整改措施', '缺少责任人', '缺少完成时限']);
    expect((await db.rectifications.get(task.id))?.status).toBe('未启动');
  });

  it('销号 without evidence and reviewer is refused saying which; with them it goes through and is logged', async () => {
    const task = await submitted();
    expect(task.status).toBe('已完成待验收');
    expect(task.outcome).toBe('已开展集中学习3次');

    const refused = await problemsOf(changeStatus(db, task.id, 'close', { closedOn: TODAY }, TODAY));
    expect(refused).toEqual([
      { field: 'evidence', message: '缺少佐证材料（至少上传一份）' },
      { field: 'reviewer', message: '缺少销号审核人' },
    ]);
    expect((await db.rectifications.get(task.id))?.status).toBe('已完成待验收');

    await addEvidence(db, task.id, file());
    const onlyReviewer = await problemsOf(changeStatus(db, task.id, 'close', { closedOn: TODAY }, TODAY));
    expect(onlyReviewer.map((p) => p.field)).toEqual(['reviewer']);
    const future = await problemsOf(changeStatus(db, task.id, 'close', { closedOn: '2025-03-06', reviewer: '书记' }, TODAY));
    expect(future.map((p) => p.message)).toEqual(['销号日期不能晚于今天（2025年3月5日）']);

    const closed = await changeStatus(db, task.id, 'close', { reviewer: ` ${members[0].name} `, closedOn: TODAY }, TODAY);
    expect(closed).toMatchObject({ status: '已销号', reviewer: members[0].name, closedOn: TODAY });
    const history = await rectificationHistory(db, task.id);
    expect(history[0].summary).toBe(`销号（审核人 ${members[0].name}，2025年3月5日）`);
    expect(history[0].changes?.status).toEqual(['已完成待验收', '已销号']);
    expect(history[1].summary).toBe('上传佐证材料 学习记录.pdf');

    // Final: no more moves, no deleting it or its last evidence.
    const again = await problemsOf(changeStatus(db, task.id, 'return', {}, TODAY));
    expect(again[0].message).toContain('已销号的任务不能再变更');
    const [evidence] = await listEvidence(db, task.id);
    expect(evidence.kind).toBe('佐证材料');
    // Its 佐证材料 are read-only: none removed (not only the last one), none added.
    expect(await problemsOf(removeEvidence(db, evidence.id))).toEqual([
      { field: 'evidence', message: '已销号的任务，佐证材料只能查看和下载，不能再上传或删除' },
    ]);
    expect((await problemsOf(addEvidence(db, task.id, file('补交.pdf'))))[0].field).toBe('evidence');
    expect(await listEvidence(db, task.id)).toHaveLength(1);
    expect((await problemsOf(deleteRectification(db, task.id)))[0].message).toBe('已销号的整改任务须留档，不能删除');
    expect((await problemsOf(addProgress(db, task.id, { date: TODAY, text: '补充' }, TODAY)))[0].field).toBe('progress');
  });

  it('提交验收 needs 完成情况; 退回整改 writes its reason into 整改进展', async () => {
    const task = await addRectification(db, branch.id, input());
    await changeStatus(db, task.id, 'start', {}, TODAY);
    expect((await problemsOf(changeStatus(db, task.id, 'submit', {}, TODAY))).map((p) => p.field)).toEqual(['outcome']);
    await changeStatus(db, task.id, 'submit', { outcome: '已完成' }, TODAY);
    const returned = await changeStatus(db, task.id, 'return', { note: '佐证材料不足' }, TODAY);
    expect(returned.status).toBe('整改中');
    expect(returned.progress).toEqual([{ date: TODAY, text: '退回整改：佐证材料不足' }]);
    expect((await rectificationHistory(db, task.id))[0].summary).toBe('退回整改：佐证材料不足');
    const longTerm = await changeStatus(db, task.id, 'longTerm', {}, TODAY);
    expect(longTerm.status).toBe('长期坚持');
  });

  it('keeps 整改进展 in date order, refuses future dates, removes an entry', async () => {
    const task = await addRectification(db, branch.id, input());
    await addProgress(db, task.id, { date: '2025-03-01', text: '召开专题会议' }, TODAY);
    const both = await addProgress(db, task.id, { date: '2025-02-10', text: '制定学习计划' }, TODAY);
    expect(both.progress.map((p) => p.date)).toEqual(['2025-02-10', '2025-03-01']);
    expect((await rectificationHistory(db, task.id))[0].summary).toBe('添加整改进展（2025年2月10日）：制定学习计划');
    expect((await problemsOf(addProgress(db, task.id, { date: '2025-03-06', text: '明天' }, TODAY)))[0].message).toBe(
      '进展日期不能晚于今天（2025年3月5日）',
    );
    expect((await problemsOf(addProgress(db, task.id, { date: TODAY, text: ' ' }, TODAY)))[0]).toEqual({ field: 'text', message: '请填写进展情况' });
    const removed = await removeProgress(db, task.id, 0);
    expect(removed.progress.map((p) => p.text)).toEqual(['召开专题会议']);
  });

  it('counts evidence per task and refuses files over the size limit', async () => {
    const a = await addRectification(db, branch.id, input());
    const b = await addRectification(db, branch.id, input());
    await addEvidence(db, a.id, file('一.pdf'));
    await addEvidence(db, a.id, file('二.pdf'));
    await addEvidence(db, b.id, file('三.pdf'));
    expect(await evidenceCounts(db, branch.id)).toEqual(new Map([[a.id, 2], [b.id, 1]]));
    const huge = { size: 60 * 1024 * 1024, type: 'application/pdf' } as Blob;
    const problems = await problemsOf(addEvidence(db, a.id, { name: '扫描件.pdf', data: huge }));
    expect(problems[0].message).toContain('附件“扫描件.pdf”大小为 60 MB');
    // Uploaded within the same second: pick by name, not by position.
    const first = (await listEvidence(db, a.id)).find((f) => f.name === '一.pdf')!;
    await removeEvidence(db, first.id);
    expect((await listEvidence(db, a.id)).map((f) => f.name)).toEqual(['二.pdf']);
    expect((await rectificationHistory(db, a.id))[0].summary).toBe('删除佐证材料 一.pdf');
  });

  it('deletes an open task with its evidence and clears the link from its talk', async () => {
    const talk = await remindingTalk();
    const task = await addRectification(db, branch.id, input(), { table: 'talks', id: talk.id });
    await addEvidence(db, task.id, file());
    await deleteRectification(db, task.id);
    expect(await db.rectifications.get(task.id)).toBeUndefined();
    expect(await listEvidence(db, task.id)).toEqual([]);
    expect((await db.talks.get(talk.id))?.rectificationId).toBeUndefined();
    const [entry] = await rectificationHistory(db, task.id);
    expect(entry.action).toBe('delete');
    await expect(deleteRectification(db, task.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
