import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedgerFile, type ImportedMember, type ReadOptions } from './index';

const TODAY = '2026-03-05';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const read = (name: string, bytes: Uint8Array, options: ReadOptions = {}) => readLedgerFile(name, bytes, { today: TODAY, ...options });

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A roster whose headers no synonym knows (人员 / 证件 / 入党) under a title, and a second sheet of notes. */
const oddRoster = () =>
  workbookBytes((wb) => {
    const ws = wb.addWorksheet('名单');
    ws.addRow(['某支部名单']);
    ws.addRow(['编号', '人员', '证件', '入党', '归属', '族别']);
    ws.addRow([1, '张三', '110105199907065421', '2020-05-04', '预备党员', '汉族']);
    ws.addRow([2, '李四', '11010519870324049X', '2008-07-01', '正式党员', '回族']);
  });

describe('overrides chosen in the preview', () => {
  it('reads a sheet as the ledger the user chose, with columns mapped by hand', async () => {
    const bytes = await oddRoster();
    const detected = await read('名单.xlsx', bytes);
    expect(detected.sheets[0].ledger).toBeUndefined();
    expect(detected.sheets[0].topRows.slice(0, 2)).toEqual(['某支部名单', '编号 | 人员 | 证件 | 入党 | 归属 | 族别']);
    expect(detected.sheets[0].width).toBe(6);

    // Only the kind: nothing matches, so the sheet waits for its columns and says which are missing.
    const kindOnly = await read('名单.xlsx', bytes, { overrides: { 名单: { kind: 'members', headerRows: [2] } } });
    expect(kindOnly.sheets[0]).toMatchObject({ mappedAs: 'members', headerRows: [2], rows: [] });
    expect(kindOnly.sheets[0].reason).toContain('缺少“姓名”');

    const mapped = await read('名单.xlsx', bytes, {
      overrides: { 名单: { kind: 'members', headerRows: [2], columns: { 2: 'name', 3: 'idNumber', 4: 'joinedOn', 5: 'category', 6: 'ethnicity' } } },
    });
    const [sheet] = mapped.sheets;
    expect(sheet).toMatchObject({ ledger: 'members', headerRows: [2] });
    expect(sheet.columns.filter((c) => c.field).map((c) => [c.column, c.header, c.field])).toEqual([
      [2, '人员', 'name'],
      [3, '证件', 'idNumber'],
      [4, '入党', 'joinedOn'],
      [5, '归属', 'category'],
      [6, '族别', 'ethnicity'],
    ]);
    expect(sheet.rows.map((r) => (r.record as ImportedMember | undefined)?.name)).toEqual(['张三', '李四']);
    expect(sheet.rows[0].record).toMatchObject({ idNumber: '110105199907065421', joinedOn: '2020-05-04', category: '预备党员', gender: '女' });
    expect(mapped.fileIssues).toEqual([]);
  });

  it('unmaps a column and gives its field to another; a field moved away from its column leaves it', async () => {
    const bytes = fixture('党员花名册.xlsx');
    const plain = await read('党员花名册.xlsx', bytes);
    const phone = plain.sheets[0].columns.find((c) => c.field === 'phone');
    const remarks = plain.sheets[0].columns.find((c) => c.field === 'remarks');
    expect(phone && remarks).toBeTruthy();
    const row28 = plain.sheets[0].rows.find((r) => r.rowNumber === 28);
    expect(row28?.values).toMatchObject({ phone: '18747990339', remarks: '退休' });

    const result = await read('党员花名册.xlsx', bytes, {
      overrides: { 党员花名册: { columns: { [phone!.column]: null, [remarks!.column]: 'jobTitle' } } },
    });
    const [sheet] = result.sheets;
    expect(sheet.ledger).toBe('members');
    expect(sheet.columns.find((c) => c.column === phone!.column)?.field).toBeUndefined();
    // 工作岗位 was detected on its own column: the user's choice takes the field from it.
    expect(sheet.columns.filter((c) => c.field === 'jobTitle').map((c) => c.column)).toEqual([remarks!.column]);
    const row = sheet.rows.find((r) => r.rowNumber === 28);
    expect(row?.values.phone).toBeUndefined();
    expect(row?.values.remarks).toBeUndefined();
    expect(row?.values.jobTitle).toBe('退休');
  });

  it('sets a sheet to 不导入, and reads the header from the row the user chose (one or two rows)', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('会议');
      // A decoy header line on row 1 matches fewer columns than the real one on rows 3–4.
      ws.addRow(['会议类型', '会议时间']);
      ws.addRow(['党员大会', '2025-01-06']);
      ws.addRow(['基本信息', '', '会议', '']);
      ws.addRow(['会议类型', '会议时间', '地点', '主持人']);
      ws.addRow(['支部委员会', '2025-02-03', '第一会议室', '莫涛建']);
      wb.addWorksheet('说明').addRow(['姓名', '性别', '入党时间']);
    });
    const detected = await read('会议.xlsx', bytes);
    expect(detected.sheets[0]).toMatchObject({ ledger: 'meetings', headerRows: [4] });

    const single = await read('会议.xlsx', bytes, { overrides: { 会议: { headerRows: [1] } } });
    expect(single.sheets[0]).toMatchObject({ ledger: 'meetings', headerRows: [1] });
    expect(single.sheets[0].rows[0].rowNumber).toBe(2);

    const double = await read('会议.xlsx', bytes, { overrides: { 会议: { headerRows: [3, 4] } } });
    expect(double.sheets[0]).toMatchObject({ ledger: 'meetings', headerRows: [3, 4] });
    expect(double.sheets[0].columns.slice(2, 4).map((c) => [c.header, c.field])).toEqual([
      ['会议 地点', 'location'],
      ['主持人', 'host'],
    ]);
    expect(double.sheets[0].rows.map((r) => r.rowNumber)).toEqual([5]);

    const off = await read('会议.xlsx', bytes, { overrides: { 会议: { kind: null }, 说明: { kind: null } } });
    expect(off.sheets[0]).toMatchObject({ excluded: true, rows: [], reason: '已设为不导入' });
    expect(off.fileIssues).toEqual([]);
  });

  it('reports progress with Chinese stages, never going back, ending at 1', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('谈话');
      ws.addRow(['谈话时间', '谈话人', '谈话对象', '谈话主要内容']);
      for (let i = 0; i < 1200; i += 1) {
        ws.addRow(['2025-03-05', '莫涛建', `党员${i}`, '谈工作']);
      }
    });
    const seen: [number, string][] = [];
    const result = await read('谈话.xlsx', bytes, { onProgress: (fraction, stage) => seen.push([fraction, stage]) });
    expect(result.sheets[0].rows).toHaveLength(1200);
    const stages = seen.map(([, stage]) => stage);
    expect(stages[0]).toBe('正在解压…');
    expect(stages).toContain('正在读取工作表“谈话”…');
    expect(stages).toContain('正在校验工作表“谈话”…');
    expect(stages).toContain('正在校验第500行…');
    expect(stages).toContain('正在校验第1000行…');
    expect(seen.at(-1)).toEqual([1, '读取完成']);
    const fractions = seen.map(([f]) => f);
    expect(fractions.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= fractions[i - 1]))).toBe(true);
  });
});
