import { describe, expect, it } from 'vitest';
import { RECTIFICATION_STATUSES, type Rectification, type RectificationStatus } from '../model/rectification';
import {
  ACTION_DEFINITIONS,
  actionBetween,
  actionsFrom,
  canTransition,
  RECTIFICATION_ACTIONS,
  refusalMessage,
  transitionProblems,
  type RectificationAction,
  type TransitionContext,
} from './workflow';

const TODAY = '2025-03-05';

/** A task with everything every action needs. */
function task(status: RectificationStatus, overrides: Partial<Rectification> = {}) {
  return {
    status,
    measures: '每月开展一次专题学习',
    owner: '王伟',
    deadline: '2025-06-30',
    outcome: '已完成专题学习6次',
    ...overrides,
  };
}

const READY: TransitionContext = { today: TODAY, evidenceCount: 1, reviewer: '李芳', closedOn: TODAY };

/** Every allowed move of the workflow, and nothing else. */
const ALLOWED: [RectificationStatus, RectificationAction, RectificationStatus][] = [
  ['未启动', 'start', '整改中'],
  ['未启动', 'longTerm', '长期坚持'],
  ['整改中', 'submit', '已完成待验收'],
  ['整改中', 'longTerm', '长期坚持'],
  ['已完成待验收', 'close', '已销号'],
  ['已完成待验收', 'return', '整改中'],
  ['已完成待验收', 'longTerm', '长期坚持'],
  ['长期坚持', 'close', '已销号'],
  ['长期坚持', 'return', '整改中'],
];

describe('整改 workflow', () => {
  it('allows exactly the listed moves', () => {
    for (const from of RECTIFICATION_STATUSES) {
      for (const action of RECTIFICATION_ACTIONS) {
        const expected = ALLOWED.find(([f, a]) => f === from && a === action);
        const problems = transitionProblems(task(from), action, READY);
        if (expected) {
          expect(problems, `${from} ${action}`).toEqual([]);
          expect(ACTION_DEFINITIONS[action].to).toBe(expected[2]);
          expect(canTransition(from, expected[2])).toBe(true);
          expect(actionBetween(from, expected[2])).toBe(action);
        } else {
          expect(problems, `${from} ${action}`).toHaveLength(1);
          expect(problems[0].field).toBe('status');
          expect(problems[0].message).toContain(`当前状态为“${from}”，不能${ACTION_DEFINITIONS[action].label}`);
        }
      }
    }
  });

  it('refuses every status pair without an action, 已销号 being final', () => {
    for (const from of RECTIFICATION_STATUSES) {
      for (const to of RECTIFICATION_STATUSES) {
        const allowed = ALLOWED.some(([f, , t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed);
      }
    }
    expect(actionsFrom('已销号')).toEqual([]);
    expect(actionsFrom('未启动')).toEqual(['start', 'longTerm']);
  });

  it('says which step comes first', () => {
    expect(transitionProblems(task('整改中'), 'close', READY)[0].message).toBe('当前状态为“整改中”，不能销号：须先提交验收');
    expect(transitionProblems(task('未启动'), 'close', READY)[0].message).toBe('当前状态为“未启动”，不能销号：须先开始整改，完成后提交验收');
    expect(transitionProblems(task('未启动'), 'submit', READY)[0].message).toBe('当前状态为“未启动”，不能提交验收：须先开始整改');
    expect(transitionProblems(task('已销号'), 'return', READY)[0].message).toBe('当前状态为“已销号”，不能退回整改：已销号的任务不能再变更');
    expect(transitionProblems(task('长期坚持'), 'longTerm', READY)[0].message).toContain('任务已是该状态');
  });

  it('开始整改 needs 整改措施, 责任人 and 完成时限', () => {
    const problems = transitionProblems(task('未启动', { measures: ' ', owner: undefined, deadline: undefined }), 'start', READY);
    expect(problems.map((p) => p.field)).toEqual(['measures', 'owner', 'deadline']);
    expect(refusalMessage('start', problems)).toBe('不能开始整改：缺少整改措施；缺少责任人；缺少完成时限');
  });

  it('提交验收 needs 完成情况, from the task or entered with it', () => {
    expect(transitionProblems(task('整改中', { outcome: undefined }), 'submit', READY).map((p) => p.field)).toEqual(['outcome']);
    expect(transitionProblems(task('整改中', { outcome: undefined }), 'submit', { ...READY, outcome: '已完成' })).toEqual([]);
  });

  it('销号 needs 完成情况, at least one 佐证材料 and a 审核人, and says which is missing', () => {
    const bare = task('已完成待验收', { outcome: undefined });
    const none = transitionProblems(bare, 'close', { today: TODAY, evidenceCount: 0, closedOn: TODAY });
    expect(none.map((p) => p.field)).toEqual(['outcome', 'evidence', 'reviewer']);
    expect(refusalMessage('close', none)).toBe('不能销号：缺少完成情况；缺少佐证材料（至少上传一份）；缺少销号审核人');

    const onlyEvidence = transitionProblems(task('已完成待验收'), 'close', { ...READY, evidenceCount: 0 });
    expect(refusalMessage('close', onlyEvidence)).toBe('不能销号：缺少佐证材料（至少上传一份）');
    const onlyReviewer = transitionProblems(task('已完成待验收'), 'close', { ...READY, reviewer: '  ' });
    expect(refusalMessage('close', onlyReviewer)).toBe('不能销号：缺少销号审核人');
    expect(transitionProblems(task('已完成待验收'), 'close', READY)).toEqual([]);
  });

  it('销号日期 is required, a real date and not after today', () => {
    const closed = (closedOn: string | undefined) =>
      transitionProblems(task('已完成待验收'), 'close', { ...READY, closedOn }).map((p) => p.message);
    expect(closed(undefined)).toEqual(['缺少销号日期']);
    expect(closed('2025-02-30')).toEqual(['销号日期格式应为 年-月-日']);
    expect(closed('2025-03-06')).toEqual(['销号日期不能晚于今天（2025年3月5日）']);
    expect(closed('2025-03-05')).toEqual([]);
  });

  it('设为长期坚持 needs 整改措施; 退回整改 needs nothing', () => {
    expect(transitionProblems(task('整改中', { measures: undefined }), 'longTerm', READY).map((p) => p.field)).toEqual(['measures']);
    expect(transitionProblems(task('已完成待验收', { outcome: undefined, measures: undefined }), 'return', { today: TODAY, evidenceCount: 0 })).toEqual([]);
  });
});
