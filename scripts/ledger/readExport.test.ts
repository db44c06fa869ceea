import { describe, expect, it } from 'vitest';
import { LedgerFileError, parseExport, reviveDexieRow } from './readExport';

function dexie(data: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    formatName: 'dexie',
    formatVersion: 1,
    data: { databaseName: 'branch-ledger', databaseVersion: 1, tables: [], data },
    ...extra,
  });
}

describe('reviveDexieRow', () => {
  it('drops properties typeson wrote for undefined, also nested and with escaped dots', () => {
    const row = {
      id: 'm1',
      remarks: 0,
      departure: { reason: '转出', date: '2025-01-01', note: 0 },
      'a.b': 0,
      $types: { remarks: 'undef', 'departure.note': 'undef', 'a~1b': 'undef' },
    };
    expect(reviveDexieRow(row)).toEqual({ id: 'm1', departure: { reason: '转出', date: '2025-01-01' } });
  });

  it('unwraps an object that had its own $types key and leaves plain rows alone', () => {
    expect(reviveDexieRow({ $: { id: 'x', $types: 'own' }, $types: true })).toEqual({ id: 'x', $types: 'own' });
    const plain = { id: 'y' };
    expect(reviveDexieRow(plain)).toBe(plain);
  });
});

describe('parseExport', () => {
  it('reads inbound rows and [key, value] pairs of outbound tables, ignoring other tables', () => {
    const exported = parseExport(
      dexie([
        { tableName: 'branches', inbound: true, rows: [{ id: 'b1' }] },
        { tableName: 'settings', inbound: false, rows: [['ruleSettings', { key: 'ruleSettings', value: {} }]] },
        { tableName: 'auditLog', inbound: true, rows: [{ seq: 1 }] },
      ]),
      'x.json',
    );
    expect(exported.format).toBe('dexie');
    expect(exported.tables.branches).toEqual([{ id: 'b1' }]);
    expect(exported.tables.settings).toEqual([{ key: 'ruleSettings', value: {} }]);
    expect(exported.tables.members).toEqual([]);
    expect(exported.notes).toEqual([]);
  });

  it('accepts a byte-order mark and a plain object with only some tables', () => {
    const exported = parseExport('\ufeff{"members": []}', 'x.json');
    expect(exported.format).toBe('plain');
    expect(exported.tables.branches).toEqual([]);
  });

  it('notes a database that is not the app’s', () => {
    const text = JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: { databaseName: 'other', data: [] } });
    expect(parseExport(text, 'x.json').notes[0]).toContain('数据库名为“other”');
  });

  it.each([
    ['', '是空文件'],
    [JSON.stringify({ formatName: 'dexie', formatVersion: 2, data: { data: [] } }), '格式版本为 2'],
    [JSON.stringify({ formatName: 'dexie', formatVersion: 1, data: {} }), '缺少 data.data'],
    [dexie([{ rows: [] }]), 'data.data[0] 不是有效的表数据'],
    [JSON.stringify({ members: {} }), 'members 应为数组'],
    [JSON.stringify({ hello: 'world' }), '不是支部台账的数据库导出'],
    ['PK\u0003\u0004…', '是压缩包或 Excel 文件，不是 JSON'],
  ])('refuses %j with a Chinese message', (text, message) => {
    expect(() => parseExport(text, 'x.json')).toThrow(LedgerFileError);
    expect(() => parseExport(text, 'x.json')).toThrow(message);
  });
});
