import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '../demo';
import { planLedgerImport } from '../imports/plan';
import { LEDGER_KINDS } from '../model/kinds';
import { RULE_IDS } from '../rules/types';
import { demoLedgers, LEDGER_EXPORT_FILES, LEDGER_KIND_SPEC_LIST, specOf } from './index';

describe('the ledger-kind registry', () => {
  it('holds one spec per kind, in LEDGER_KINDS order, each under its own id', () => {
    expect(LEDGER_KIND_SPEC_LIST.map((spec) => spec.kind)).toEqual([...LEDGER_KINDS]);
    expect(LEDGER_KINDS.every((kind) => specOf(kind).kind === kind && specOf(kind).import.definition.kind === kind)).toBe(true);
  });

  it('gives every kind its own files, labels and package counts', () => {
    const distinct = (values: string[]) => new Set(values).size === values.length;
    expect(distinct(Object.values(LEDGER_EXPORT_FILES))).toBe(true);
    expect(distinct(LEDGER_KIND_SPEC_LIST.map((spec) => spec.labels.ledger))).toBe(true);
    expect(distinct(LEDGER_KIND_SPEC_LIST.map((spec) => spec.labels.table))).toBe(true);
    expect(distinct(LEDGER_KIND_SPEC_LIST.flatMap((spec) => spec.packageCounts.map((c) => c.key)))).toBe(true);
    // Each kind counts its own table under its id: the restore dialog names a backup's tables by these counts.
    expect(LEDGER_KIND_SPEC_LIST.filter((spec) => !spec.packageCounts.some((c) => c.key === spec.kind)).map((spec) => spec.kind)).toEqual([]);
  });

  it('names rules that exist, each fed by one kind; only the branch-level rules belong to none', () => {
    const known = new Set<string>(RULE_IDS);
    const fed = LEDGER_KIND_SPEC_LIST.flatMap((spec) => spec.rules);
    expect(LEDGER_KIND_SPEC_LIST.every((spec) => spec.rules.length > 0)).toBe(true);
    expect(fed.every((id) => known.has(id))).toBe(true);
    expect(new Set(fed).size).toBe(fed.length);
    expect([...known].filter((id) => !fed.includes(id as never))).toEqual(['branch.setup', 'term.expiry']);
  });

  it('has demo records of every kind, all of the demo branch and passing their schema', () => {
    const demo = generateDemoBranch({ today: '2025-11-14' });
    const ledgers = demoLedgers(demo, { today: '2025-11-14' });
    for (const kind of LEDGER_KINDS) {
      expect(ledgers[kind].length, kind).toBeGreaterThan(0);
      expect(ledgers[kind].every((record) => record.branchId === demo.branch.id && specOf(kind).schema.safeParse(record).success), kind).toBe(true);
    }
  });

  it('refuses, with the model message, a row whose record the model would not take, instead of throwing', () => {
    const demo = generateDemoBranch({ today: '2025-11-14' });
    const ctx = { branchId: demo.branch.id, branches: [demo.branch], ...demoLedgers(demo, { today: '2025-11-14' }), reviews: [], today: '2025-11-14' };
    const name = demo.members[0].name;
    const [row] = planLedgerImport('reviews', [{ rowNumber: 4, values: {}, record: { memberName: name, year: 1900 }, issues: [] }], ctx);
    expect(row).toMatchObject({ action: '冲突', blocked: true });
    expect(row.reason).toMatch(/1921/);
    const [ok] = planLedgerImport('reviews', [{ rowNumber: 4, values: {}, record: { memberName: name, year: 2024 }, issues: [] }], ctx);
    expect(ok).toMatchObject({ action: '新增', blocked: false, after: { year: 2024, votes: {} } });
  });
});
