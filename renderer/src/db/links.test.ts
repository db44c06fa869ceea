import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Branch, Member, Talk } from '@shared/model';
import { addAnalysis, analysisHistory, updateAnalysis, type AnalysisInput } from './analyses';
import type { BranchLedgerDatabase } from './database';
import { link, tablesLinkingTo, unlink } from './links';
import { addMeeting, deleteMeeting } from './meetings';
import { addRectification, deleteRectification, type RectificationInput } from './rectifications';
import { addTalk, deleteTalk, talkHistory } from './talks';
import { demoDatabase } from './testing';
import { creditMeetingHours, trainingOfMeeting } from './training';

const TODAY = '2025-03-05';
let db: BranchLedgerDatabase;
let branch: Branch;
let members: Member[];
let talk: Talk;

const task: RectificationInput = { source: '自查', category: '作风建设', problem: '工作作风不够扎实', measures: '每周检查' };

function analysis(fields: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    periodKind: '季度',
    periodStart: '2025-01-01',
    periodEnd: '2025-03-31',
    methods: ['谈心谈话'],
    overall: '党员思想总体稳定。',
    entries: [{ memberId: members[10].id, state: '稳定' }],
    ...fields,
  };
}

beforeEach(async () => {
  ({ db, branch, members } = await demoDatabase(TODAY));
  talk = await addTalk(
    db,
    branch.id,
    { date: TODAY, location: '活动室', talkerId: members[0].id, intervieweeIds: [members[10].id], kind: '提醒谈话', form: '个别', content: '谈工作作风' },
    TODAY,
  );
});

describe('links between records', () => {
  it('links a talk and an analysis back to the task raised from them, and clears both when the task is deleted', async () => {
    const study = await addAnalysis(db, branch.id, analysis());
    const fromTalk = await addRectification(db, branch.id, task, { table: 'talks', id: talk.id });
    const fromAnalysis = await addRectification(db, branch.id, task, { table: 'analyses', id: study.id });
    expect((await db.talks.get(talk.id))?.rectificationId).toBe(fromTalk.id);
    expect((await db.analyses.get(study.id))?.rectificationIds).toEqual([fromAnalysis.id]);
    expect((await analysisHistory(db, study.id))[0]).toMatchObject({ summary: '关联整改任务 工作作风不够扎实', changes: { rectificationIds: [[], [fromAnalysis.id]] } });

    // An analysis may name a task raised elsewhere (chosen in its form): it is cleared too.
    await updateAnalysis(db, study.id, analysis({ rectificationIds: [fromAnalysis.id, fromTalk.id] }));
    await deleteRectification(db, fromTalk.id);
    expect((await db.talks.get(talk.id))?.rectificationId).toBeUndefined();
    expect((await db.analyses.get(study.id))?.rectificationIds).toEqual([fromAnalysis.id]);
    expect((await talkHistory(db, talk.id))[0].summary).toBe('关联的整改任务已删除');
    expect((await analysisHistory(db, study.id))[0]).toMatchObject({ summary: '关联的整改任务已删除', changes: { rectificationIds: [[fromAnalysis.id, fromTalk.id], [fromAnalysis.id]] } });
  });

  it('clears an analysis’ link to a deleted talk, so that the analysis can still be edited', async () => {
    const study = await addAnalysis(db, branch.id, analysis({ talkIds: [talk.id] }));
    await deleteTalk(db, talk.id);
    expect((await db.analyses.get(study.id))?.talkIds).toEqual([]);
    expect((await analysisHistory(db, study.id))[0].summary).toBe('关联的谈心谈话已删除');
    const edited = await updateAnalysis(db, study.id, analysis({ overall: '党员思想稳定，干劲足。' }));
    expect(edited.overall).toBe('党员思想稳定，干劲足。');
  });

  it('keeps what a deleted meeting leaves: the task raised from it and the hours it credited', async () => {
    const meeting = await addMeeting(db, branch.id, {
      type: '集中学习',
      title: '学习党章',
      startAt: '2025-03-04T14:30:00+08:00',
      attendance: [{ memberId: members[10].id, state: '出席' }],
    });
    const raised = await addRectification(db, branch.id, task, { table: 'meetings', id: meeting.id });
    expect(await creditMeetingHours(db, meeting.id, 4)).toMatchObject({ ok: true, credited: 1 });
    await deleteMeeting(db, meeting.id);
    expect((await db.rectifications.get(raised.id))?.origin).toEqual({ table: 'meetings', id: meeting.id });
    expect((await trainingOfMeeting(db, meeting.id)).map((r) => r.hours)).toEqual([4]);
    expect(tablesLinkingTo('meetings')).toEqual([]);
  });

  it('links and unlinks one pair, once; a pair with no link between their tables is refused', async () => {
    const first = await addRectification(db, branch.id, task);
    const second = await addRectification(db, branch.id, task);
    await db.transaction('rw', db.talks, db.auditLog, async () => {
      expect(await link(db, { table: 'talks', id: talk.id }, { table: 'rectifications', id: first.id }, '关联整改任务 工作作风不够扎实')).toBe(true);
      // A talk links to one task: the first stays.
      expect(await link(db, { table: 'talks', id: talk.id }, { table: 'rectifications', id: second.id }, '关联整改任务')).toBe(false);
      expect(await unlink(db, { table: 'talks', id: talk.id }, { table: 'rectifications', id: second.id }, '取消关联')).toBe(false);
      expect(await unlink(db, { table: 'talks', id: talk.id }, { table: 'rectifications', id: first.id }, '取消关联整改任务')).toBe(true);
    });
    expect(await link(db, { table: 'meetings', id: 'm' }, { table: 'rectifications', id: first.id }, '关联')).toBe(false);
    expect((await db.talks.get(talk.id))?.rectificationId).toBeUndefined();
    expect((await talkHistory(db, talk.id)).map((e) => e.summary).slice(0, 2)).toEqual(['取消关联整改任务', '关联整改任务 工作作风不够扎实']);
  });
});
