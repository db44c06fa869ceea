import { describe, expect, it } from 'vitest';
import { attachmentMetaSchema, rectificationSchema } from '../model';
import { dueWithin, isOverdue } from '../rectifications';
import { rectificationClosedWithoutEvidence } from '../rules/rectifications';
import { generateDemoBranch } from './index';
import { generateDemoRectifications } from './rectifications';

describe('generateDemoRectifications', () => {
  const today = '2025-03-05';
  const dataset = generateDemoBranch({ today });

  it('is deterministic and valid', () => {
    const demo = generateDemoRectifications(dataset, { today });
    expect(generateDemoRectifications(dataset, { today })).toEqual(demo);
    for (const task of demo.rectifications) {
      expect(rectificationSchema.parse(task)).toEqual(task);
      expect(task.branchId).toBe(dataset.branch.id);
    }
    for (const file of demo.evidence) {
      expect(attachmentMetaSchema.parse(file.meta)).toEqual(file.meta);
      expect(file.meta.size).toBe(new TextEncoder().encode(file.text).length);
    }
  });

  it('has overdue tasks, tasks due within 14 days, a 长期坚持 one and a properly 销号 one, in all five areas', () => {
    const { rectifications, evidence } = generateDemoRectifications(dataset, { today });
    expect(rectifications.filter((t) => isOverdue(t, today)).length).toBeGreaterThanOrEqual(2);
    expect(rectifications.filter((t) => dueWithin(t, today)).length).toBeGreaterThanOrEqual(2);
    expect(rectifications.filter((t) => t.status === '长期坚持')).toHaveLength(1);
    expect(rectifications.filter((t) => t.status === '已销号')).toHaveLength(1);
    expect(new Set(rectifications.map((t) => t.category))).toEqual(new Set(['政治建设', '作风建设', '纪律建设', '组织建设', '群团建设']));
    const names = new Set(dataset.members.map((m) => m.name));
    for (const task of rectifications) {
      expect(names.has(task.owner!)).toBe(true);
    }
    const closed = rectifications.find((t) => t.status === '已销号')!;
    expect(closed.reviewer).not.toBe(closed.owner);
    expect(
      rectificationClosedWithoutEvidence({ branch: dataset.branch, today, rectifications, attachments: evidence.map((e) => e.meta) }),
    ).toEqual([]);
  });
});
