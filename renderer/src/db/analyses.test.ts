import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Branch, Member } from '@shared/model';
import {
  addAnalysis,
  analysisHistory,
  deleteAnalysis,
  getAnalysisSettings,
  listAnalyses,
  putAnalysisSettings,
  updateAnalysis,
  type AnalysisInput,
} from './analyses';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import { demoDatabase, refusal } from './testing';

const TODAY = '2025-03-05';
let db: BranchLedgerDatabase;
let branch: Branch;
let members: Member[];

beforeEach(async () => {
  ({ db, branch, members } = await demoDatabase(TODAY, { talks: true }));
});

function quarter(fields: Partial<AnalysisInput> = {}): AnalysisInput {
  return {
    periodKind: '季度',
    periodStart: '2024-10-01',
    periodEnd: '2024-12-31',
    methods: ['谈心谈话', '座谈交流'],
    overall: '  党员思想总体稳定。 ',
    political: '',
    entries: [
      { memberId: members[10].id, state: '稳定', performance: '优秀', talkerId: members[0].id },
      { memberId: members[11].id, state: '需关注', details: '家庭困难，情绪低落', talkerId: members[0].id },
    ],
    ...fields,
  };
}

async function problemsOf(work: Promise<unknown>): Promise<string[]> {
  return (await refusal(work)).problems.map((p) => `${p.field}: ${p.message}`);
}

describe('analyses repository', () => {
  it('adds an analysis with trimmed texts and an audit line that names no one', async () => {
    const saved = await addAnalysis(db, branch.id, quarter());
    expect(saved.overall).toBe('党员思想总体稳定。');
    expect('political' in saved).toBe(false);
    expect(saved.entries).toHaveLength(2);
    expect(await db.analyses.get(saved.id)).toEqual(saved);
    const history = await analysisHistory(db, saved.id);
    expect(history.map((h) => h.summary)).toEqual(['新增思想动态分析 2024年第四季度（登记党员2人）']);
    expect(JSON.stringify(history)).not.toContain(members[11].name);
  });

  it('refuses a second analysis of the same quarter, a broken quarter and bad entries', async () => {
    await addAnalysis(db, branch.id, quarter());
    expect(await problemsOf(addAnalysis(db, branch.id, quarter()))).toEqual([
      'periodStart: 2024年第四季度已有思想动态分析，请打开原记录修改',
    ]);
    expect(await problemsOf(addAnalysis(db, branch.id, quarter({ periodStart: '2024-10-02' })))).toEqual([
      'periodStart: 季度分析的期间应为完整的季度（如2025年第二季度）',
    ]);
    // Moved out before the quarter.
    const late: Member = { ...members[12], departure: { reason: '转出', date: '2024-06-01' } };
    await db.members.put(late);
    const problems = await problemsOf(
      addAnalysis(
        db,
        branch.id,
        quarter({
          periodStart: '2024-07-01',
          periodEnd: '2024-09-30',
          submittedOn: '2024-06-30',
          methods: ['打电话'],
          entries: [
            { memberId: members[10].id, state: '稳定' },
            { memberId: members[10].id, state: '很好' },
            { memberId: late.id, state: '稳定' },
            { memberId: 'nobody', state: '稳定' },
          ],
        }),
      ),
    );
    expect(problems).toEqual([
      'submittedOn: 报送日期不能早于期间开始',
      'methods: 收集方式应为谈心谈话、问卷调查、座谈交流、走访了解、日常观察、信息渠道之一',
      `entries: ${members[10].name}登记了不止一次，每名党员只登记一条`,
      'entries: 思想状况“很好”不在设置的列表中（稳定、较稳定、需关注）',
      `entries: ${late.name}在2024年7月1日至2024年9月30日期间不在本支部党员名册中`,
      'entries: 党员思想状况中有不是本支部党员的人员',
    ]);
    expect(await db.analyses.count()).toBe(1);
  });

  it('allows several 专题 analyses of one range and keeps previousId of the same branch only', async () => {
    const first = await addAnalysis(db, branch.id, quarter({ periodKind: '专题', title: '机构改革', periodStart: '2025-01-01', periodEnd: '2025-01-31' }));
    const second = await addAnalysis(db, branch.id, quarter({ periodKind: '专题', title: '机构改革二', periodStart: '2025-01-01', periodEnd: '2025-01-31' }), {
      previousId: first.id,
    });
    expect(second.previousId).toBe(first.id);
    const third = await addAnalysis(db, branch.id, quarter(), { previousId: 'missing' });
    expect('previousId' in third).toBe(false);
  });

  it('updates, logging the fields changed, keeps 整改 links made elsewhere, and keeps a state no longer listed', async () => {
    const saved = await addAnalysis(db, branch.id, quarter());
    await db.rectifications.add({
      id: 'task-1',
      branchId: branch.id,
      createdAt: TODAY,
      updatedAt: TODAY,
      source: '自查',
      category: '其他',
      problem: '学习不够',
      progress: [],
      status: '未启动',
    });
    await db.analyses.update(saved.id, { rectificationIds: ['task-1'] });
    await putAnalysisSettings(db, { states: [{ label: '稳定', sensitive: false }, { label: '需重点关注', sensitive: true }], period: '季度' });
    const { rectificationIds: _ignored, ...input } = quarter({ overall: '党员思想稳定，干劲足。' });
    const after = await updateAnalysis(db, saved.id, input);
    expect(after.overall).toBe('党员思想稳定，干劲足。');
    expect(after.rectificationIds).toEqual(['task-1']);
    const history = await analysisHistory(db, saved.id);
    expect(history[0].summary).toBe('修改 总体评价');
    // Unchanged: nothing written.
    expect(await updateAnalysis(db, saved.id, input)).toEqual(after);
    expect(await analysisHistory(db, saved.id)).toHaveLength(2);
    // 较稳定 is no longer in the list: a new entry may not use it.
    expect(
      await problemsOf(updateAnalysis(db, saved.id, { ...input, entries: [...input.entries!, { memberId: members[12].id, state: '较稳定' }] })),
    ).toEqual(['entries: 思想状况“较稳定”不在设置的列表中（稳定、需重点关注）']);
  });

  it('deletes with the whole record in the log, lists newest first, and reports a missing one', async () => {
    const q4 = await addAnalysis(db, branch.id, quarter());
    const q3 = await addAnalysis(db, branch.id, quarter({ periodStart: '2024-07-01', periodEnd: '2024-09-30', entries: [] }));
    expect((await listAnalyses(db, branch.id)).map((a) => a.id)).toEqual([q4.id, q3.id]);
    await deleteAnalysis(db, q3.id);
    expect((await listAnalyses(db, branch.id)).map((a) => a.id)).toEqual([q4.id]);
    const log = await analysisHistory(db, q3.id);
    expect(log[0].summary).toBe('删除思想动态分析 2024年第三季度');
    expect(log[0].before).toMatchObject({ id: q3.id });
    await expect(deleteAnalysis(db, q3.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAnalysis(db, q3.id, quarter())).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads and validates the settings', async () => {
    expect(await getAnalysisSettings(db)).toEqual({
      states: [
        { label: '稳定', sensitive: false },
        { label: '较稳定', sensitive: false },
        { label: '需关注', sensitive: true },
      ],
      period: '季度',
    });
    await expect(putAnalysisSettings(db, { states: [], period: '季度' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      putAnalysisSettings(db, { states: [{ label: '稳定', sensitive: false }, { label: '稳定', sensitive: true }], period: '季度' }),
    ).rejects.toThrow('思想状况名称不能重复');
    await db.settings.put({ key: 'analysisSettings', value: { states: 'broken', period: '半年' } });
    expect((await getAnalysisSettings(db)).period).toBe('半年');
    expect((await getAnalysisSettings(db)).states).toHaveLength(3);
  });
});
