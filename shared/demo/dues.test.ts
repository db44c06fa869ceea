import { describe, expect, it } from 'vitest';
import { checkDuesPayment, duesPaymentSchema } from '../model/dues';
import { checkDuesOwed } from '../dues/owed';
import { DEFAULT_DUES_SETTINGS } from '../dues/settings';
import { duesGrid } from '../dues/grid';
import { duesFindings } from '../rules/dues';
import { generateDemoBranch } from './index';
import { generateDemoDues } from './dues';

describe('generateDemoDues', () => {
  const today = '2025-11-20';
  const dataset = generateDemoBranch({ today });

  it('is deterministic and valid, 应交 by the table', () => {
    const payments = generateDemoDues(dataset, { today });
    expect(generateDemoDues(dataset, { today })).toEqual(payments);
    expect(payments.length).toBeGreaterThan(200);
    for (const payment of payments) {
      expect(duesPaymentSchema.parse(payment)).toEqual(payment);
      expect(checkDuesPayment(payment)).toEqual([]);
      expect(checkDuesOwed(payment, DEFAULT_DUES_SETTINGS)).toEqual([]);
      expect(payment.month < '2025-11').toBe(true);
    }
  });

  it('shows one member three months behind, one month paid short, and 预备党员 from 入党时间', () => {
    const payments = generateDemoDues(dataset, { today });
    const findings = duesFindings({ ...dataset, payments, today, year: 2025, settings: DEFAULT_DUES_SETTINGS });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['dues.unpaid', 'warning'],
      ['dues.mismatch', 'warning'],
    ]);
    expect(findings[0].message).toMatch(/有3个月未交纳党费（8月、9月、10月）/);
    const grid = duesGrid(dataset.members, payments, 2025, { today });
    for (const member of dataset.members.filter((m) => m.category === '预备党员')) {
      const row = grid.rows.find((r) => r.member.id === member.id);
      const joined = member.joinedOn?.slice(0, 7) ?? '';
      expect(row?.cells.filter((c) => c.state !== 'notOwed' && c.month < '2025-11').every((c) => c.month >= joined && c.state === 'paid')).toBe(true);
    }
    expect(payments.filter((p) => p.kind === '补缴')).toHaveLength(1);
  });
});
