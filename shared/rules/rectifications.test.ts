import { describe, expect, it } from 'vitest';
import { rectificationSchema, type Rectification } from '../model/rectification';
import { rectificationClosedWithoutEvidence, rectificationOverdue, type RectificationRuleInput } from './rectifications';
import { BRANCH_ID, makeBranch } from './testFixtures';

function task(id: string, overrides: Partial<Rectification>): Rectification {
  return rectificationSchema.parse({
    id,
    branchId: BRANCH_ID,
    createdAt: '2025-01-01T09:00:00+08:00',
    updatedAt: '2025-01-01T09:00:00+08:00',
    source: '组织生活会',
    category: '政治建设',
    problem: `理论学习不够系统深入${id}`,
    owner: '王伟',
    ...overrides,
  });
}

function input(rectifications: Rectification[], attachments: RectificationRuleInput['attachments'] = []): RectificationRuleInput {
  return { branch: makeBranch(), today: '2025-03-05', rectifications, attachments };
}

describe('rectification.overdue', () => {
  it('is an error past 完成时限 and a warning within 14 days; 已销号, 长期坚持 and later ones are left out', () => {
    const findings = rectificationOverdue(
      input([
        task('late', { status: '整改中', deadline: '2025-03-01' }),
        task('today', { status: '未启动', deadline: '2025-03-05' }),
        task('soon', { status: '已完成待验收', deadline: '2025-03-19' }),
        task('far', { status: '整改中', deadline: '2025-03-20' }),
        task('closed', { status: '已销号', deadline: '2025-01-01', closedOn: '2025-02-01', reviewer: '李芳', outcome: '完成' }),
        task('forever', { status: '长期坚持', deadline: '2025-01-01' }),
        task('undated', { status: '整改中' }),
        { ...task('other', { status: '整改中', deadline: '2025-01-01' }), branchId: 'another-branch' },
      ]),
    );
    expect(findings.map((f) => [f.subject.id, f.severity, f.period])).toEqual([
      ['late', 'error', '2025-03'],
      ['today', 'warning', '2025-03'],
      ['soon', 'warning', '2025-03'],
    ]);
    expect(findings[0].message).toBe('整改任务“理论学习不够系统深入late”（整改中，责任人王伟）完成时限为2025年3月1日，已逾期4天，尚未销号');
    expect(findings[1].message).toContain('今天（2025年3月5日）到期');
    expect(findings[2].message).toContain('还有14天');
    expect(findings[0].source).toMatch(/《中国共产党支部工作条例（试行）》第十七条/);
    expect(findings[0].subject).toEqual({ table: 'rectifications', id: 'late' });
  });

  it('checks nothing without tasks', () => {
    expect(rectificationOverdue({ branch: makeBranch(), today: '2025-03-05' })).toEqual([]);
  });
});

describe('rectification.closedWithoutEvidence', () => {
  const complete = { status: '已销号' as const, outcome: '已完成', reviewer: '李芳', closedOn: '2025-02-20' };

  it('names what a 已销号 task lacks', () => {
    const findings = rectificationClosedWithoutEvidence(
      input(
        [
          task('ok', complete),
          task('noEvidence', complete),
          task('bare', { status: '已销号' }),
          task('open', { status: '整改中' }),
        ],
        [
          { ownerTable: 'rectifications', ownerId: 'ok' },
          { ownerTable: 'meetings', ownerId: 'noEvidence' },
          { ownerTable: 'rectifications', ownerId: 'bare' },
        ],
      ),
    );
    expect(findings.map((f) => [f.subject.id, f.severity, f.period])).toEqual([
      ['bare', 'error', '2025-03'],
      ['noEvidence', 'error', '2025-02'],
    ]);
    expect(findings[1].message).toBe('整改任务“理论学习不够系统深入noEvidence”于2025年2月20日已销号，但缺少佐证材料');
    expect(findings[0].message).toContain('缺少完成情况、销号审核人、销号日期');
    expect(findings[0].source).toContain('对单销号');
  });

  it('checks nothing without tasks', () => {
    expect(rectificationClosedWithoutEvidence({ branch: makeBranch(), today: '2025-03-05' })).toEqual([]);
  });
});
