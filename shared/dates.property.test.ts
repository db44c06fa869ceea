// Property checks of the typed-date parser (dateInputProperties.ts). The same checks run under four time zones in
// the child processes of ledgers/dates.property.test.ts, beside the ledger cells that share their grammar.
import { describe, expect, it } from 'vitest';
import { parseDateInput } from './dates';
import { checkDateInputProperties, typedCases } from './dateInputProperties';

const CASES_PER_DATE = typedCases(2019, 6, 18, 14, 30).length;

describe('typed dates, properties', () => {
  it('reads every typed style back as the same day, and what the field shows as the same value', () => {
    const { checked, failures } = checkDateInputProperties(20190618, 500);
    expect(checked).toBe(500 * CASES_PER_DATE);
    expect(failures).toEqual([]);
  });

  it('catches a field that keeps the day it read before the last digit (2019.6.1 + 8 saved as the 1st)', () => {
    const truncating: typeof parseDateInput = (raw, options) => parseDateInput(raw.replace(/^(\d{4})\.(\d{1,2})\.(\d)\d$/, '$1.$2.$3'), options);
    const { failures } = checkDateInputProperties(20190618, 200, truncating);
    expect(new Set(failures.map((f) => f.style))).toEqual(new Set(['y.m.d', 'y.m.d (month allowed)', 'y.mm.dd', 'y.mm.dd (month allowed)']));
  });

  it('catches a field that shows the stored form instead of the Chinese one', () => {
    const { failures } = checkDateInputProperties(20190618, 20, parseDateInput, (value) => value ?? '');
    expect(failures.length).toBe(20 * CASES_PER_DATE);
    expect(failures.every((f) => f.step === 'shown')).toBe(true);
  });
});
