import { describe, expect, it } from 'vitest';
import { craftXlsx, sheetXml } from './craftXlsx';
import { ElementScanner } from './xmlStream';
import { readXlsx } from './xlsx';

function scan(pieces: readonly string[]): [string, string, string | undefined][] {
  const seen: [string, string, string | undefined][] = [];
  const scanner = new ElementScanner(['row', 'mergeCell'], (name, attributes, body) => {
    seen.push([name, attributes, body]);
  });
  pieces.forEach((piece) => scanner.push(piece));
  scanner.end();
  return seen;
}

describe('ElementScanner', () => {
  const xml = sheetXml(
    [
      ['姓名', '性别'],
      ['张三', '男'],
      ['李&四', ''],
    ],
    ['A1:B1'],
  ).replace('<row r="2">', '<x:row r="2" spans="1:2">').replace('</row><row r="3">', '</x:row><row r="3">');

  it('hands over the same elements however the text is cut into pieces', () => {
    const whole = scan([xml]);
    expect(whole.map(([name]) => name)).toEqual(['row', 'row', 'row', 'mergeCell']);
    for (const size of [1, 2, 3, 7, 64]) {
      const pieces = xml.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      expect(scan(pieces), `pieces of ${size}`).toEqual(whole);
    }
  });

  it('keeps only the open element: text between elements is dropped, an element too long is refused', () => {
    const scanner = new ElementScanner(['row'], () => undefined, 1_000);
    scanner.push('<worksheet><sheetData>');
    for (let i = 0; i < 1_000; i += 1) {
      scanner.push(' '.repeat(1_000));
    }
    expect(() => scanner.push(`<row r="1">${'x'.repeat(2_000)}`)).toThrow(/longer than 1000/);
  });

  it('says when an element is never closed', () => {
    expect(() => scan(['<row r="1"><c>'])).toThrow(/not closed/);
  });
});

describe('the streamed reader over parts larger than one inflate step', () => {
  it('reads a 30,000-row sheet (several MB of XML) to the same grid as ExcelJS would give: every row, in order', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [`党员${i}`, i % 2 ? '男' : '女', `备注，含多字节字符：${'中'.repeat(i % 7)}`]);
    const result = await readXlsx(craftXlsx([{ name: '花名册', part: sheetXml(rows) }]));
    expect(result.ok && result.sheets[0].rows.length).toBe(30_000);
    if (result.ok) {
      const texts = result.sheets[0].rows.map((row) => row.map((cell) => (cell.kind === 'text' ? cell.text : '')));
      expect(texts).toEqual(rows.map((row) => row.map((text) => text)));
    }
  });
});
