import type { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedgerFile } from '../ledgers';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import { sortByPinyin } from '../text/pinyin';
import { maskIdNumber } from './mask';
import { rangePeriod, yearPeriod } from './period';
import { loadExcelJs } from './sheet';
import { demoDataset, TEST_OPTIONS, TEST_TODAY } from './testData';
import { LEDGER_EXPORT_FILES } from '../kinds';
import type { LedgerDataset } from './types';
import { buildLedgerWorkbook, buildLedgerWorkbookParts, ledgerRowCount } from './workbook';

async function open(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const data = demoDataset();

describe('periods and masking', () => {
  it('names a year and a range the way the title shows them', () => {
    expect(yearPeriod(2025)).toEqual({ start: '2025-01-01', end: '2025-12-31', label: '2025年度' });
    expect(rangePeriod('2025-01-01', '2025-06-30')).toEqual({ start: '2025-01-01', end: '2025-06-30', label: '2025年1月1日至2025年6月30日' });
    expect(rangePeriod('2024-01-01', '2024-12-31').label).toBe('2024年度');
    expect(() => rangePeriod('2025-07-01', '2025-06-30')).toThrow('早于开始日期');
  });

  it('keeps the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('32010219850612001X')).toBe('320102********001X');
    expect(maskIdNumber('110105850612001')).toBe('110105*****2001');
  });
});

describe('the ledger sheet', () => {
  it('has a merged title, an info row, a styled frozen header, A4 landscape with repeated header and page numbers', async () => {
    const workbook = await open(await buildLedgerWorkbook('members', data, TEST_OPTIONS));
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell('A1').value).toBe(`${data.branch.name} 2025年度 党员花名册`);
    expect(sheet.getCell('A1').font?.size).toBe(16);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    const merges = (sheet.model as { merges?: string[] }).merges ?? [];
    expect(merges).toContain('A1:O1');
    expect(sheet.getCell('A2').text).toBe(`填报单位：${data.branch.name}    导出日期：2025年6月15日    共 25 条`);
    expect(sheet.getCell('A3').value).toBe('姓名');
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.getCell('A3').border?.bottom?.style).toBe('thin');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
    expect(sheet.headerFooter.oddFooter).toContain('第 &P 页，共 &N 页');
  });

  it('writes dates as Date cells without a time-zone shift, and ID and phone numbers as text', async () => {
    const workbook = await open(await buildLedgerWorkbook('members', data, TEST_OPTIONS));
    const sheet = workbook.worksheets[0];
    const row = sheet.getRow(4);
    const name = row.getCell(1).value as string;
    const member = data.members.find((m) => m.name === name) as Member;
    const birth = row.getCell(4);
    expect(birth.value).toBeInstanceOf(Date);
    expect((birth.value as Date).toISOString().slice(0, 10)).toBe(member.birthDate);
    expect(birth.numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(5).value).toBe(member.idNumber);
    expect(row.getCell(5).numFmt).toBe('@');
    expect(typeof row.getCell(14).value).toBe('string');
  });

  it('keeps a month-precision date (1985-06) as the month, not as the 1st of it', async () => {
    const [first, ...rest] = data.members;
    const member: Member = { ...first, birthDate: first.birthDate?.slice(0, 7), joinedOn: first.joinedOn?.slice(0, 7), confirmedOn: undefined, category: '预备党员', idNumber: undefined };
    const result = await readLedgerFile('r.xlsx', await buildLedgerWorkbook('members', { ...data, members: [member, ...rest] }, TEST_OPTIONS), { today: TEST_TODAY });
    const row = result.sheets[0].rows.find((r) => r.values.name === member.name);
    expect(row?.values.birthDate).toBe(member.birthDate);
    expect(row?.values.joinedOn).toBe(member.joinedOn);
  });

  it('writes meeting times with their wall-clock time', async () => {
    const workbook = await open(await buildLedgerWorkbook('meetings', data, TEST_OPTIONS));
    const cell = workbook.worksheets[0].getCell('C4');
    const first = data.meetings.filter((m) => m.startAt >= '2025').sort((a, b) => (a.startAt < b.startAt ? -1 : 1))[0];
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((cell.value as Date).toISOString().slice(0, 16)).toBe(first.startAt.slice(0, 16));
  });

  it('lists the roster in pinyin order', async () => {
    const result = await readLedgerFile('r.xlsx', await buildLedgerWorkbook('members', data, TEST_OPTIONS), { today: TEST_TODAY });
    const names = result.sheets[0].rows.map((r) => r.values.name as string);
    expect(names).not.toEqual(data.members.map((m) => m.name));
    expect(names).toEqual(sortByPinyin(names, (n) => n));
    // 单 as a surname reads shan: after 郭 (guo), not among the d's.
    const shan = names.findIndex((n) => n.startsWith('单'));
    if (shan >= 0) {
      expect(names.slice(shan + 1).every((n) => !/^[郭何黄]/.test(n))).toBe(true);
    }
  });

  it('masks ID numbers when asked', async () => {
    const workbook = await open(await buildLedgerWorkbook('members', data, { ...TEST_OPTIONS, maskIdNumbers: true }));
    const ids = workbook.worksheets[0].getColumn(5).values.slice(4) as string[];
    expect(ids.length).toBe(25);
    for (const id of ids) {
      expect(id).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
    // The middle digits are the birth date: 出生日期 is hidden with them (issue 11).
    expect(workbook.worksheets[0].getCell('D3').value).toBe('出生日期');
    expect((workbook.worksheets[0].getColumn(4).values.slice(4) as unknown[]).filter((v) => v !== null && v !== undefined)).toEqual([]);
  });

  it('writes 党内职务 from the committee in 支部信息, whatever an older roster said', async () => {
    const secretary = data.members.find((m) => m.id === data.branch.committee.members.find((c) => c.role === '书记')?.memberId) as Member;
    const workbook = await open(await buildLedgerWorkbook('members', data, TEST_OPTIONS));
    const sheet = workbook.worksheets[0];
    const postColumn = (sheet.getRow(3).values as unknown[]).indexOf('党内职务');
    const row = sheet.getColumn(1).values.indexOf(secretary.name);
    expect(sheet.getCell(row, postColumn).value).toBe('书记');
  });

  it('leaves the cells of a member with gaps blank: no "undefined", no crash', async () => {
    const gappy: Member = { ...data.members[0], name: '缺资料', gender: undefined, ethnicity: undefined, birthDate: undefined, joinedOn: undefined, category: undefined, education: undefined, idNumber: '1234' };
    const members = [...data.members.filter((m) => m.id !== gappy.id), gappy];
    const workbook = await open(await buildLedgerWorkbook('members', { ...data, members }, TEST_OPTIONS));
    const sheet = workbook.worksheets[0];
    const row = sheet.getRow(sheet.getColumn(1).values.indexOf('缺资料'));
    const cells = Array.from({ length: 15 }, (_, i) => row.getCell(i + 1).text);
    expect(cells).not.toContain('undefined');
    expect(row.getCell(2).value ?? null).toBeNull();
    expect(row.getCell(5).value).toBe('1234');
  });
});

describe('what the period leaves out', () => {
  it('keeps members on the roster at any time in the period, 历史党员 included', async () => {
    const [leftBefore, leftDuring, joinedAfter] = data.members;
    const changed: LedgerDataset = {
      ...data,
      members: data.members.map((m): Member => {
        if (m.id === leftBefore.id) return { ...m, departure: { reason: '转出', date: '2024-12-01' } };
        if (m.id === leftDuring.id) return { ...m, departure: { reason: '转出', date: '2025-03-01' } };
        if (m.id === joinedAfter.id) return { ...m, joinedOn: '2026-01-05', confirmedOn: undefined, category: '预备党员' };
        return m;
      }),
    };
    const result = await readLedgerFile('r.xlsx', await buildLedgerWorkbook('members', changed, TEST_OPTIONS), { today: '2026-02-01' });
    const rows = result.sheets[0].rows;
    const names = rows.map((r) => r.values.name);
    expect(names).not.toContain(leftBefore.name);
    expect(names).not.toContain(joinedAfter.name);
    expect(names).toContain(leftDuring.name);
    expect(rows.find((r) => r.values.name === leftDuring.name)?.values.remarks).toBe('历史党员（2025年3月1日转出）');
  });

  it('keeps meetings and talks dated in the period only', async () => {
    const half = rangePeriod('2025-01-01', '2025-03-31');
    const options = { ...TEST_OPTIONS, period: half };
    const result = await readLedgerFile('m.xlsx', await buildLedgerWorkbook('meetings', data, options), { today: TEST_TODAY });
    const expected = data.meetings.filter((m) => m.startAt.slice(0, 10) >= '2025-01-01' && m.startAt.slice(0, 10) <= '2025-03-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(data.meetings.length);
    expect(result.sheets[0].rows).toHaveLength(expected.length);
    expect(ledgerRowCount('talks', data, options)).toBe(data.talks.filter((t) => t.date <= '2025-03-31' && t.date >= '2025-01-01').length);
  });

  it('keeps rectifications raised in the period or open during it', () => {
    const [closedEarly, openOld, raisedAfter] = data.rectifications;
    const changed: LedgerDataset = {
      ...data,
      rectifications: [
        { ...closedEarly, createdAt: '2024-03-01T09:00:00+08:00', status: '已销号', closedOn: '2024-12-20' },
        { ...openOld, createdAt: '2024-03-01T09:00:00+08:00', status: '整改中', closedOn: undefined },
        { ...raisedAfter, createdAt: '2026-01-10T09:00:00+08:00' },
      ],
    };
    expect(ledgerRowCount('rectifications', changed, TEST_OPTIONS)).toBe(1);
  });
});

describe('党员思想动态分析 and 需关注', () => {
  it('leaves out the details of sensitive entries unless asked for', async () => {
    const read = async (includeAttentionDetails: boolean) =>
      (await readLedgerFile('a.xlsx', await buildLedgerWorkbook('analyses', data, { ...TEST_OPTIONS, includeAttentionDetails }), { today: TEST_TODAY })).sheets[0].rows;
    const hidden = (await read(false)).filter((r) => r.values.state === '需关注');
    const shown = (await read(true)).filter((r) => r.values.state === '需关注');
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((r) => !r.values.details && !r.values.problems && !r.values.help)).toBe(true);
    expect(shown.some((r) => r.values.problems)).toBe(true);
    // The other entries keep their details either way.
    const stable = (await read(false)).filter((r) => r.values.state === '稳定');
    expect(stable.some((r) => r.values.details)).toBe(true);
  });

  it('follows the settings: a state marked sensitive there is hidden too', async () => {
    const settings = { ...data.analysisSettings, states: data.analysisSettings.states.map((s) => ({ ...s, sensitive: true })) };
    const rows = (await readLedgerFile('a.xlsx', await buildLedgerWorkbook('analyses', { ...data, analysisSettings: settings }, TEST_OPTIONS), { today: TEST_TODAY })).sheets[0].rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.values.details && !r.values.problems && !r.values.help)).toBe(true);
  });
});

describe('02_三会一课台账 类型×月份', () => {
  it('counts the meetings held per type and month, a meeting that also counts as another type in both rows', async () => {
    const base = data.meetings[0];
    const meeting = (type: string, startAt: string, alsoCountsAs: string[] = []): Meeting => ({ ...base, id: `${type}${startAt}`, type, startAt, alsoCountsAs });
    const meetings = [
      meeting('主题党日', '2025-03-05T14:30:00+08:00', ['党课']),
      meeting('主题党日', '2025-04-02T14:30:00+08:00'),
      meeting('支部委员会', '2025-03-10T09:00:00+08:00'),
      // Planned, not held yet on 2025-06-15: not counted.
      meeting('支部委员会', '2025-07-10T09:00:00+08:00'),
      meeting('读书会', '2025-05-10T09:00:00+08:00'),
    ];
    const workbook = await open(await buildLedgerWorkbook('meetings', { ...data, meetings }, TEST_OPTIONS));
    const sheet = workbook.getWorksheet('类型×月份');
    expect(sheet).toBeDefined();
    const header = (sheet?.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['会议类型', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '合计']);
    const rowOf = (type: string) => {
      for (let r = 4; r <= (sheet?.rowCount ?? 0); r += 1) {
        const values = (sheet?.getRow(r).values as unknown[]).slice(1);
        if (values[0] === type) return values.slice(1);
      }
      return undefined;
    };
    expect(rowOf('主题党日')).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(rowOf('党课')).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(rowOf('支部委员会')).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(rowOf('支部党员大会')?.at(-1)).toBe(0);
    expect(rowOf('读书会')?.at(-1)).toBe(1);
  });
});

describe('06_组织设置', () => {
  it('shows the branch, its committee with posts and its 党小组 with 组长 and members', async () => {
    const workbook = await open(await buildLedgerWorkbook('organization', data, TEST_OPTIONS));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['基本信息', '支部委员会', '党小组']);
    const basics = workbook.getWorksheet('基本信息');
    const value = (label: string) => {
      for (let r = 4; r <= (basics?.rowCount ?? 0); r += 1) {
        if (basics?.getCell(r, 1).value === label) return basics.getCell(r, 2).value;
      }
      return undefined;
    };
    expect(value('支部全称')).toBe(data.branch.name);
    const elected = data.branch.committee.electedOn as string;
    expect((value('换届选举日期') as Date).toISOString().slice(0, 10)).toBe(elected);
    const end = `${Number(elected.slice(0, 4)) + data.branch.committee.termYears}${elected.slice(4)}`;
    expect((value('届满日期') as Date).toISOString().slice(0, 10)).toBe(end);
    expect(value('任期年限')).toBe(`${data.branch.committee.termYears}年`);

    const committee = workbook.getWorksheet('支部委员会');
    const secretary = data.members.find((m) => m.id === data.branch.committee.members.find((c) => c.role === '书记')?.memberId);
    expect(committee?.getCell(4, 1).value).toBe('书记');
    expect(committee?.getCell(4, 2).value).toBe(secretary?.name);
    expect(committee?.rowCount).toBe(3 + data.branch.committee.members.length);

    const groups = workbook.getWorksheet('党小组');
    const group = data.branch.partyGroups[0];
    const inGroup = data.members.filter((m) => m.partyGroupId === group.id && !m.departure);
    expect(groups?.getCell(4, 1).value).toBe(group.name);
    expect(groups?.getCell(4, 2).value).toBe(data.members.find((m) => m.id === group.leaderId)?.name);
    expect(groups?.getCell(4, 3).value).toBe(inGroup.length);
    expect((groups?.getCell(4, 4).text ?? '').split('、').sort()).toEqual(inGroup.map((m) => m.name).sort());
  });
});

describe('large ledgers go out in parts', () => {
  it('splits the rows over several files, one workbook at a time, each re-importable', async () => {
    const parts: { fileName: string; rows: number; matrix: boolean }[] = [];
    for await (const part of buildLedgerWorkbookParts('meetings', data, TEST_OPTIONS, 10)) {
      const result = await readLedgerFile(part.fileName, part.bytes, { today: TEST_TODAY });
      parts.push({ fileName: part.fileName, rows: result.sheets[0].rows.length, matrix: result.sheets.some((s) => s.name === '类型×月份') });
    }
    const total = ledgerRowCount('meetings', data, TEST_OPTIONS);
    expect(parts.length).toBe(Math.ceil(total / 10));
    expect(parts.reduce((n, p) => n + p.rows, 0)).toBe(total);
    expect(parts[0].fileName).toBe('02_三会一课台账_第1部分.xlsx');
    expect(parts.every((p) => p.rows <= 10)).toBe(true);
    expect(parts.map((p) => p.matrix)).toEqual(parts.map((_, i) => i === 0));
  });

  it('gives a single file its usual name', async () => {
    const names: string[] = [];
    for await (const part of buildLedgerWorkbookParts('members', data, TEST_OPTIONS)) {
      names.push(part.fileName);
    }
    expect(names).toEqual([LEDGER_EXPORT_FILES.members]);
  });
});
