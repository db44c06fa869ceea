import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DUES_SETTINGS } from '@shared/dues/settings';
import { runAllRules } from '@shared/rules';
import { DEFAULT_RULE_SETTINGS } from '@shared/rules/settings';
import { DEFAULT_TRAINING_SETTINGS, TRAINING_SETTINGS_KEY } from '@shared/training/settings';
import { loadDemoData } from './branches';
import { loadRuleInput } from './dashboardHooks';
import type { BranchLedgerDatabase } from './database';
import { putRuleSettings } from './ruleSettings';
import { freshDatabase } from './testing';

let db: BranchLedgerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

describe('loadRuleInput', () => {
  it('gathers the branch, its members, the year\'s meetings, the talks from the year on and the settings', async () => {
    const demo = await loadDemoData(db, '2025-03-05');
    const input = (await loadRuleInput(db, demo.id, 2025, '2025-03-05'))!;
    expect(input.branch.id).toBe(demo.id);
    expect(input.members).toHaveLength(25);
    // Last December's 组织生活会 and 民主评议 belong to 2024.
    expect(input.meetings).toHaveLength(10);
    expect(input.meetings.every((m) => m.startAt.startsWith('2025'))).toBe(true);
    expect(input.talks).toHaveLength(29);
    expect(input.settings).toEqual(DEFAULT_RULE_SETTINGS);
    expect((await loadRuleInput(db, demo.id, 2024, '2025-03-05'))!.meetings).toHaveLength(2);

    await putRuleSettings(db, { ...DEFAULT_RULE_SETTINGS, talkMinPerPair: 2 });
    expect((await loadRuleInput(db, demo.id, 2025, '2025-03-05'))!.settings.talkMinPerPair).toBe(2);
  });

  it('gives the rules the 民主评议结果, 党费 (all years), the year\'s 学时 and their settings, so their rules run on 工作台', async () => {
    const demo = await loadDemoData(db, '2025-03-05');
    const input = (await loadRuleInput(db, demo.id, 2025, '2025-03-05'))!;
    expect(input.reviews).toHaveLength(await db.reviews.where('branchId').equals(demo.id).count());
    expect(input.reviews!.length).toBeGreaterThan(0);
    expect(input.dues).toHaveLength(await db.dues.where('branchId').equals(demo.id).count());
    expect(input.training!.length).toBeGreaterThan(0);
    expect(input.training!.every((t) => t.date.startsWith('2025'))).toBe(true);
    expect(input.duesSettings).toEqual(DEFAULT_DUES_SETTINGS);
    expect(input.trainingSettings).toEqual(DEFAULT_TRAINING_SETTINGS);

    await db.settings.put({ key: TRAINING_SETTINGS_KEY, value: { memberGoalHours: 40 } });
    expect((await loadRuleInput(db, demo.id, 2025, '2025-03-05'))!.trainingSettings?.memberGoalHours).toBe(40);
    const rules = new Set(runAllRules(input).map((f) => f.rule));
    expect(rules.has('training.hours')).toBe(true);
  });

  it('is undefined for a branch that does not exist', async () => {
    expect(await loadRuleInput(db, 'missing', 2025, '2025-03-05')).toBeUndefined();
  });
});
