import { describe, expect, it } from 'vitest';
import type { ParsedSheet } from '@shared/ledgers';
import { nextOverride, NOT_IMPORTED, sheetKindValue } from './overrideModel';

const sheet = (part: Partial<ParsedSheet>): ParsedSheet => ({
  name: '花名册',
  headerRows: [3],
  columns: [],
  width: 5,
  topRows: [],
  rows: [],
  skippedRows: [],
  notes: [],
  issues: [],
  ...part,
});

describe('the override after one change in the preview', () => {
  it('shows the detected ledger, the near miss, or 不导入', () => {
    expect(sheetKindValue(sheet({ ledger: 'talks' }))).toBe('talks');
    expect(sheetKindValue(sheet({ mappedAs: 'members' }))).toBe('members');
    expect(sheetKindValue(sheet({ excluded: true }))).toBe(NOT_IMPORTED);
    expect(sheetKindValue(sheet({}))).toBeUndefined();
  });

  it('a column choice pins the ledger and header rows shown, and adds to earlier column choices', () => {
    const detected = sheet({ ledger: 'members', headerRows: [3, 4] });
    const first = nextOverride(undefined, detected, { column: 2, field: 'name' });
    expect(first).toEqual({ kind: 'members', headerRows: [3, 4], columns: { 2: 'name' } });
    expect(nextOverride(first, detected, { column: 5, field: NOT_IMPORTED })).toEqual({
      kind: 'members',
      headerRows: [3, 4],
      columns: { 2: 'name', 5: null },
    });
  });

  it('another ledger drops column choices but keeps a chosen header row; 不导入 drops everything', () => {
    const detected = sheet({ ledger: 'members' });
    const prev = { kind: 'members' as const, headerRows: [2], columns: { 2: 'name' } };
    expect(nextOverride(prev, detected, { kind: 'talks' })).toEqual({ kind: 'talks', headerRows: [2] });
    expect(nextOverride(prev, detected, { kind: 'members' })).toEqual(prev);
    expect(nextOverride(prev, detected, { kind: NOT_IMPORTED })).toEqual({ kind: null });
  });

  it('a header row choice keeps the column choices; 表头占两行 joins the next row', () => {
    const prev = { columns: { 4: 'phone' } };
    expect(nextOverride(prev, sheet({ ledger: 'members' }), { headerRow: 5, twoRows: true })).toMatchObject({
      headerRows: [5, 6],
      columns: { 4: 'phone' },
    });
  });

  it('a corrected cell, a default for a field and columns kept in 备注 add to the override; another ledger keeps the cells only', () => {
    const detected = sheet({ ledger: 'members' });
    const edited = nextOverride(undefined, detected, { cell: { row: 3, column: 3, text: '汉族' } });
    expect(edited).toEqual({ cells: { '3:3': '汉族' } });
    const withDefault = nextOverride(edited, detected, { defaultField: 'ethnicity', value: ' 汉族 ' });
    expect(withDefault).toEqual({ cells: { '3:3': '汉族' }, defaults: { ethnicity: '汉族' } });
    const kept = nextOverride(withDefault, detected, { keepInRemarks: [7, 12] });
    expect(kept.keepInRemarks).toEqual([7, 12]);
    expect(nextOverride(kept, detected, { defaultField: 'ethnicity', value: undefined }).defaults).toEqual({});
    expect(nextOverride(kept, detected, { kind: 'meetings' })).toEqual({ kind: 'meetings', cells: { '3:3': '汉族' } });
  });
});
