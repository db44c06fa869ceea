// The ledger CLI run in-process over exports written from the demo generator into a temporary folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBranch } from '../../shared/demo';
import { makePayment } from '../../shared/dues/testFixtures';
import { RULE_SETTINGS_KEY } from '../../shared/rules';
import { EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main } from './main';
import type { CheckReport } from './check';
import { KNOWN_CODES } from './checkCodes';

const TODAY = '2025-03-05';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    today: () => TODAY,
  });
  return { code, stdout, stderr };
}

/** The demo branch as the tables of an export (meetings and talks once the generator makes them). */
function demoTables(seed?: number, branchNumber?: number) {
  const demo = generateDemoBranch({ today: TODAY, seed, branchNumber });
  return {
    branches: [demo.branch],
    members: demo.members,
    meetings: demo.meetings,
    talks: demo.talks,
    rectifications: demo.rectifications,
    // What the backup holds of an attachment besides its bytes.
    attachments: demo.evidence.map((file) => file.meta),
    settings: [] as unknown[],
  };
}

/** The same tables the way the app's backup writes them (dexie-export-import). */
function dexieExport(tables: ReturnType<typeof demoTables>): unknown {
  const names = ['branches', 'members', 'meetings', 'talks', 'rectifications', 'attachments', 'settings', 'auditLog'] as const;
  const rows = (name: (typeof names)[number]) => (name === 'auditLog' ? [] : tables[name]);
  return {
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'branch-ledger',
      databaseVersion: 1,
      tables: names.map((name) => ({ name, schema: 'id', rowCount: rows(name).length })),
      data: names.map((name) => ({ tableName: name, inbound: true, rows: rows(name) })),
    },
  };
}

let folder: string;
const file = (name: string) => join(folder, name);
const demo = demoTables();

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
  writeFileSync(file('plain.json'), JSON.stringify(demo));
  writeFileSync(file('backup.json'), JSON.stringify(dexieExport(demo)));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function parseJson(result: Run) {
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as {
    year: number;
    today: string;
    branches: {
      id: string;
      name: string;
      file: string;
      findings: { rule: string; severity: string; period: string; message: string; source: string; subject?: { table: string; id?: string; year?: number; memberId?: string } }[];
    }[];
    issues: { file: string; table: string; index?: number; field?: string; message: string }[];
  };
}

const noStack = (result: Run) => expect(result.stderr).not.toMatch(/\n\s+at /);

describe('ledger self-check', () => {
  it('checks the demo export and reports its committee term ending within six months', async () => {
    const result = await run('self-check', file('plain.json'), '--year', '2025');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`■ ${demo.branches[0].name}`);
    expect(result.stdout).toContain('支部委员会换届');
    expect(result.stdout).toMatch(/\[警告\] 2025年\d+月 · 支部委员会换届\n\s+本届支部委员会.*届满/);
    expect(result.stdout).toContain('依据：《中国共产党支部工作条例（试行）》第六章');
    expect(result.stdout).toContain('共检查 1 个支部');
    expect(result.stdout).not.toContain('数据问题');
  });

  it('checks the 整改 tasks too: the demo has overdue ones, and its 已销号 task has its evidence', async () => {
    const report = parseJson(await run('self-check', file('plain.json'), '--year', '2025', '--json'));
    const rules = report.branches[0].findings.map((f) => f.rule);
    expect(rules).toContain('rectification.overdue');
    expect(rules).not.toContain('rectification.closedWithoutEvidence');
  });

  it('prints {branches: [{id, name, findings}]} with --json', async () => {
    const report = parseJson(await run('self-check', file('plain.json'), '--year', '2025', '--json'));
    expect(report.year).toBe(2025);
    expect(report.today).toBe(TODAY);
    expect(report.issues).toEqual([]);
    expect(report.branches).toHaveLength(1);
    const [branch] = report.branches;
    expect(branch).toMatchObject({ id: demo.branches[0].id, name: demo.branches[0].name, file: file('plain.json') });
    const term = branch.findings.find((f) => f.rule === 'term.expiry');
    expect(term).toMatchObject({ severity: 'warning', source: expect.stringContaining('第六章') });
    expect(term?.message).toContain('届满');
    for (const finding of branch.findings) {
      expect(Object.keys(finding)).toEqual(expect.arrayContaining(['rule', 'severity', 'period', 'message', 'source']));
    }
  });

  it('judges the 党费 of an export: a member six months unpaid is listed as kind dues, by name, with 党章 第九条', async () => {
    const branchId = demo.branches[0].id;
    const target = demo.members.find((m) => !m.departure && (m.joinedOn ?? '9') < '2024-08-01')!;
    const months = ['2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02'];
    // Everyone else paid every month since joining; the one member only August.
    const dues = demo.members.flatMap((m) =>
      months
        .filter((month) => (m.id === target.id ? month === '2024-08' : month >= (m.joinedOn ?? '').slice(0, 7)))
        .map((month) => makePayment(m.id, month, { id: `${m.id}-${month}`, branchId })),
    );
    writeFileSync(file('dues.json'), JSON.stringify({ ...demo, dues }));
    const report = parseJson(await run('self-check', file('dues.json'), '--year', '2025', '--json'));
    expect(report.issues).toEqual([]);
    const unpaid = report.branches[0].findings.filter((f) => f.rule === 'dues.unpaid');
    expect(unpaid).toEqual([
      expect.objectContaining({ severity: 'error', period: '2025-02', source: '《中国共产党章程》第九条', subject: { table: 'dues', year: 2025, memberId: target.id } }),
    ]);
    expect(unpaid[0].message).toMatch(new RegExp(`^党员${target.name}已连续6个月未交纳党费（2024年9月至2025年2月）`));
    // The file without 党费 records: the dues rules judge nothing (not every member unpaid).
    const without = parseJson(await run('self-check', file('plain.json'), '--year', '2025', '--json'));
    expect(without.branches[0].findings.filter((f) => f.rule.startsWith('dues.'))).toEqual([]);
  });

  it('judges 学时 by the export\'s stored 学时 settings: a goal of 40 is said as 40', async () => {
    const branchId = demo.branches[0].id;
    // Not on the committee (whose goal is leaderGoalHours), nor 党小组长.
    const [member] = demo.members.filter((m) => !m.departure && !demo.branches[0].committee.members.some((c) => c.memberId === m.id) && !demo.branches[0].partyGroups.some((g) => g.leaderId === m.id));
    const training = [{ id: 't1', branchId, memberId: member.id, date: '2024-03-05', activity: '支部学习', form: '支部学习', hours: 34, createdAt: TODAY, updatedAt: TODAY }];
    const settings = [{ key: 'trainingSettings', value: { memberGoalHours: 40, leaderGoalHours: 60 } }];
    writeFileSync(file('training.json'), JSON.stringify({ ...demo, training, settings }));
    const report = parseJson(await run('self-check', file('training.json'), '--year', '2024', '--json'));
    expect(report.issues).toEqual([]);
    const hours = report.branches[0].findings.filter((f) => f.rule === 'training.hours');
    expect(hours.find((f) => f.subject?.memberId === member.id)?.message).toBe(`党员${member.name}2024年学习培训34学时，未达到40学时，差6学时`);
    expect(hours.every((f) => /未达到(40|60)学时/.test(f.message))).toBe(true);
  });

  it('reads the dexie backup format to the same findings, undefined values and outbound tables included', async () => {
    const plain = parseJson(await run('self-check', file('plain.json'), '--year', '2025', '--json'));
    const backup = parseJson(await run('self-check', file('backup.json'), '--year', '2025', '--json', '--today', TODAY));
    expect(backup.branches.map((b) => b.findings)).toEqual(plain.branches.map((b) => b.findings));

    // typeson writes a property holding undefined as 0 with $types {remarks: 'undef'}.
    const encoded = dexieExport(demo) as { data: { data: { tableName: string; inbound: boolean; rows: unknown[] }[] } };
    const members = encoded.data.data.find((t) => t.tableName === 'members')!;
    members.rows = members.rows.map((row) => ({ ...(row as object), remarks: 0, $types: { remarks: 'undef' } }));
    const settings = encoded.data.data.find((t) => t.tableName === 'settings')!;
    Object.assign(settings, { inbound: false, rows: [[RULE_SETTINGS_KEY, { key: RULE_SETTINGS_KEY, value: { termWarningMonths: 1 } }]] });
    writeFileSync(file('typed.json'), JSON.stringify(encoded));
    const typed = parseJson(await run('self-check', file('typed.json'), '--year', '2025', '--json'));
    expect(typed.issues).toEqual([]);
    // 届满 is four months away: with a one-month warning there is nothing to say yet.
    expect(typed.branches[0].findings.some((f) => f.rule === 'term.expiry')).toBe(false);
  });

  it('checks every branch of every file', async () => {
    const second = demoTables(7, 2);
    writeFileSync(file('second.json'), JSON.stringify(second));
    const report = parseJson(await run('self-check', file('plain.json'), file('second.json'), '--year=2025', '--json'));
    expect(report.branches.map((b) => b.name)).toEqual([demo.branches[0].name, second.branches[0].name]);
    expect(report.branches[1].file).toBe(file('second.json'));
  });

  it('names the file, table, row and field of an invalid row, leaves it out and checks the rest', async () => {
    const broken = demoTables();
    broken.members = broken.members.map((m, index) => (index === 2 ? { ...m, birthDate: '1980-13-01', name: '' } : m));
    (broken.meetings as unknown[]).push('not a meeting');
    writeFileSync(file('broken.json'), JSON.stringify(broken));

    const text = await run('self-check', file('broken.json'), '--year', '2025');
    expect(text.code).toBe(EXIT_OK);
    expect(text.stdout).toContain('数据问题');
    expect(text.stdout).toContain(
      `${file('broken.json')}：党员表（members）第 3 条（rows[2]，id ${broken.members[2].id}）字段 birthDate（出生日期）：日期格式应为 年-月-日 或 年-月`,
    );
    expect(text.stdout).toContain('字段 name（姓名）：请填写姓名');
    expect(text.stdout).toContain(`会议表（meetings）第 ${broken.meetings.length} 条（rows[${broken.meetings.length - 1}]）：这一条不是记录`);
    expect(text.stdout).toContain('共检查 1 个支部');

    const report = parseJson(await run('self-check', file('broken.json'), '--year', '2025', '--json'));
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: file('broken.json'), table: 'members', index: 2, field: 'birthDate' }),
      ]),
    );
    expect(report.branches).toHaveLength(1);
  });

  it('says which rule settings were invalid and uses the defaults for them', async () => {
    const tables = demoTables();
    tables.settings = [{ key: RULE_SETTINGS_KEY, value: { termWarningMonths: 'soon', talkMinPerPair: 2 } }];
    writeFileSync(file('settings.json'), JSON.stringify(tables));
    const report = parseJson(await run('self-check', file('settings.json'), '--year', '2025', '--json'));
    expect(report.issues).toEqual([
      expect.objectContaining({ table: 'settings', field: 'value.termWarningMonths', message: '规则设置值无效，已按默认值检查' }),
    ]);
    expect(report.branches[0].findings.some((f) => f.rule === 'term.expiry')).toBe(true);
    expect(report.branches[0].findings.some((f) => f.message.includes('每年不少于2次'))).toBe(true);
  });
});

describe('ledger usage and unreadable files', () => {

  it('prints the usage in Chinese and English for --help', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['self-check', '--help']]) {
      const result = await run(...argv);
      expect(result.code).toBe(EXIT_OK);
      expect(result.stdout).toContain('用法 Usage');
      expect(result.stdout).toContain('self-check <台账.xlsx|.csv|导出.json…> --year <年份>');
      expect(result.stdout).toContain('the year to check');
      expect(result.stdout).toContain('check <台账文件.xlsx|.csv> [--json] [--records]');
      expect(result.stdout).toContain('the ledger kind');
    }
  });

  it.each([
    [[], '请指定命令'],
    [['chek'], '未知命令：chek'],
    [['check'], '请指定要检查的台账文件'],
    [['check', 'a.xlsx', 'b.xlsx'], '一次只能检查一个文件'],
    [['check', 'a.xlsx', '--year', '2025'], '未知选项：--year'],
    [['self-check', '--year', '2025'], '请指定至少一个要自检的台账文件'],
    [['self-check', 'x.json'], '请用 --year 指定要检查的年度'],
    [['self-check', 'x.json', '--year'], '--year 后面需要年份'],
    [['self-check', 'x.json', '--year', '25'], '--year 应为四位年份'],
    [['self-check', 'x.json', '--year', '2025', '--today', '2025-02-30'], '--today 应为日期 YYYY-MM-DD'],
    [['self-check', 'x.json', '--year', '2025', '--verbose'], '未知选项：--verbose'],
  ])('exits with 2 and a Chinese message for %j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('npm run ledger -- --help');
    noStack(result);
  });

  it('exits with 2 for files it cannot read, and still checks the others', async () => {
    writeFileSync(file('bad.json'), '{"branches": [');
    writeFileSync(file('array.json'), '[1, 2, 3]');
    // A ledger that is no workbook: read through the import pipeline, which says so.
    writeFileSync(file('ledger.xlsx'), 'PK\u0003\u0004');
    const cases: [string, string][] = [
      [file('missing.json'), `找不到文件：${file('missing.json')}`],
      [file('bad.json'), `${file('bad.json')} 不是有效的 JSON 文件`],
      [file('array.json'), '不是支部台账的数据库导出'],
      [file('ledger.xlsx'), 'ledger.xlsx › '],
      [folder, '是文件夹'],
    ];
    for (const [path, message] of cases) {
      const result = await run('self-check', path, '--year', '2025');
      expect(result.code).toBe(EXIT_USAGE);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      noStack(result);
    }

    const mixed = await run('self-check', file('missing.json'), file('plain.json'), '--year', '2025', '--json');
    expect(mixed.code).toBe(EXIT_USAGE);
    expect(JSON.parse(mixed.stdout).branches).toHaveLength(1);
    expect(mixed.stderr).toContain('找不到文件');
  });
});

describe('ledger check', () => {
  const sample = (name: string) => fileURLToPath(new URL(`../../shared/ledgers/fixtures/${name}`, import.meta.url));
  const roster = sample('党员花名册.xlsx');
  const checkToday = '2026-03-05';
  const checkJson = async (...argv: string[]) => {
    const result = await run('check', ...argv, '--json', '--today', checkToday);
    return { result, report: JSON.parse(result.stdout) as CheckReport };
  };

  it('prints a Chinese report per sheet: kind, header row, importable rows, issues with their cells, skipped rows', async () => {
    const result = await run('check', roster, '--today', checkToday);
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`台账检查 · ${roster}（xlsx）`);
    expect(result.stdout).toContain('■ 工作表“党员花名册”：党员花名册');
    // 转正时间 written to the month (2011.9) counts as that whole month: no false warning.
    expect(result.stdout).toContain('表头在第3行；可导入 24 条；错误 0 处，警告 0 处');
    expect(result.stdout).toContain('[跳过] 第30行：表尾说明“填表人：王丽”，已跳过');
    expect(result.stdout).toContain('共 1 个台账工作表，可导入 24 条；错误 0 处，警告 0 处。');
    expect(result.stdout).not.toContain('"name"');

    const meetings = await run('check', sample('三会一课台账.xlsx'), '--today', checkToday);
    expect(meetings.stdout).toContain('表头在第3行；可导入 44 条；错误 0 处，警告 11 处');
    expect(meetings.stdout).toContain('[警告] 第4行 会议时间（C4）：只写了“上午”，没有具体时刻，按 09:00 导入');
  });

  it('prints exactly {file, ok, sheets: [{sheet, kind, headerRow, records, issues}]} with --json', async () => {
    const { result, report } = await checkJson(sample('三会一课台账.xlsx'));
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toBe('');
    expect(Object.keys(report)).toEqual(['file', 'ok', 'sheets']);
    expect(report).toMatchObject({ file: sample('三会一课台账.xlsx'), ok: true });
    expect(report.sheets).toHaveLength(1);
    const [sheet] = report.sheets;
    expect(Object.keys(sheet)).toEqual(['sheet', 'kind', 'headerRow', 'records', 'issues']);
    expect(sheet).toMatchObject({ sheet: '2025年', kind: 'meetings', headerRow: 3, records: 44 });
    expect(sheet.issues[0]).toEqual({
      row: 4,
      column: '会议时间',
      cell: 'C4',
      severity: 'warning',
      code: 'meetings.startAt',
      message: '只写了“上午”，没有具体时刻，按 09:00 导入',
    });
    expect(sheet.issues.map((i) => i.cell)).toEqual(['C4', 'C8', 'C12', 'C16', 'C20', 'C24', 'C28', 'C32', 'C36', 'C40', 'C44']);
  });

  it('adds each importable row\'s normalised record with --records', async () => {
    const { report } = await checkJson(roster, '--records');
    const rows = report.sheets[0].rows ?? [];
    expect(rows).toHaveLength(24);
    expect(rows.map((r) => r.row)).not.toContain(17);
    expect(rows.find((r) => r.row === 5)?.record).toMatchObject({ birthDate: '1972-01-19', joinedOn: '1991-08-02', confirmedOn: '1992-08-02' });
    const text = await run('check', roster, '--records', '--today', checkToday);
    expect(text.stdout).toMatch(/第5行 \{.*"joinedOn":"1991-08-02"/);
  });

  it('reports sheets that are not ledgers with kind null, and the other ledgers by kind', async () => {
    const meetings = await checkJson(sample('三会一课台账.xlsx'));
    expect(meetings.report.sheets.map((s) => [s.kind, s.headerRow])).toEqual([['meetings', 3]]);
    const mixed = join(folder, '带说明.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填表说明').addRow(['1. 身份证号请设置为文本格式']);
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '性别', '民族', '公民身份号码', '入党时间', '党员类别']);
    // An ID typed as a number: Excel keeps 15 significant digits.
    ws.addRow(['赵六', '男', '汉族', Number('110105198703240490'), '2008-07-01', '正式党员']);
    ws.addRow(['钱七', '女', '汉族', '110105199907065421', '2020-05-04', '预备党员']);
    writeFileSync(mixed, new Uint8Array(await wb.xlsx.writeBuffer()));
    const { result, report } = await checkJson(mixed);
    expect(result.code).toBe(EXIT_OK);
    expect(report.sheets.map((s) => [s.sheet, s.kind, s.headerRow, s.records])).toEqual([
      ['填表说明', null, null, 0],
      // Issue 10: the member whose number lost its digits comes in, the number 待核对.
      ['花名册', 'members', 1, 2],
    ]);
    expect(report.sheets[0].issues).toEqual([expect.objectContaining({ row: null, code: 'sheet.notLedger', severity: 'warning' })]);
    // The lost digits leave no birth date to derive (资料不全 on the row; 学历 has no column: said once for the
    // sheet); a field with no column in the file has no cell.
    expect(report.sheets[1].issues).toEqual([
      expect.objectContaining({ row: null, cell: null, severity: 'warning', code: 'member.incomplete' }),
      expect.objectContaining({ row: 2, column: '公民身份号码', cell: 'D2', severity: 'warning', code: 'number.lostDigits' }),
      expect.objectContaining({ row: 2, column: '转正时间', cell: null, severity: 'warning', code: 'value.required' }),
      expect.objectContaining({ row: 2, cell: null, severity: 'warning', code: 'member.incomplete' }),
    ]);
    const text = await run('check', mixed, '--today', checkToday);
    expect(text.stdout).toContain('■ 工作表“填表说明”：不是台账，未导入');
    expect(text.stdout).toContain('第2行 公民身份号码（D2）：待核对：号码 1.10105198703240E+17');
  });

  it('exits with 1 and a code for a missing file, a folder, an .xls, an encrypted file and a workbook with no ledger', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    writeFileSync(join(folder, '旧.xls'), ole);
    const encrypted = ole.slice();
    encrypted.set([...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]), 600);
    writeFileSync(join(folder, '加密.xlsx'), encrypted);
    writeFileSync(join(folder, '空.csv'), '你好,世界\r\n1,2\r\n');
    const cases: [string, string, string][] = [
      [join(folder, '没有.xlsx'), 'file.missing', '找不到文件'],
      [folder, 'file.directory', '是文件夹'],
      [join(folder, '旧.xls'), 'file.xls', '另存为'],
      [join(folder, '加密.xlsx'), 'file.encrypted', '设置了打开密码'],
      [join(folder, '空.csv'), 'file.noLedger', '没有找到可以导入的台账'],
    ];
    for (const [path, code, message] of cases) {
      const { result, report } = await checkJson(path);
      expect(result.code, path).toBe(EXIT_UNREADABLE);
      expect(report.ok).toBe(false);
      expect(report.error).toEqual({ code, message: expect.stringContaining(message) });
      expect(result.stderr).toContain(message);
      noStack(result);
      const text = await run('check', path);
      expect(text.code).toBe(EXIT_UNREADABLE);
      expect(text.stdout).toContain(message);
    }
  });

  it('derives only known codes for the messages of the pipeline', async () => {
    const { report } = await checkJson(roster);
    for (const issue of report.sheets.flatMap((s) => s.issues)) {
      expect(KNOWN_CODES.includes(issue.code) || /^(members|meetings|talks|analyses|rectifications)\.[a-zA-Z]+$/.test(issue.code)).toBe(true);
    }
  });
});

describe('the ledgers of 民主评议党员, 党费收缴 and 学习培训学时 (issue 12 §5)', () => {
  const kindSample = (name: string) => fileURLToPath(new URL(`../../shared/ledgers/fixtures/kinds/${name}`, import.meta.url));

  it.each([
    ['民主评议党员结果登记表.xlsx', 'reviews'],
    ['党费收缴登记.xlsx', 'dues'],
    ['党费收缴明细表.xlsx', 'dues'],
    ['党费-年度列.csv', 'dues'],
    ['学习培训学时登记表.xlsx', 'training'],
  ])('check --json reports %s as kind %s', async (name, kind) => {
    const result = await run('check', kindSample(name), '--json', '--today', '2026-01-15');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.sheets.map((s) => s.kind)).toEqual([kind]);
    expect(report.sheets[0].records).toBeGreaterThan(0);
  });

  it('self-check judges 民主评议, 党费 and 学时 of Excel ledgers, a roster and the 民主评议党员 meeting beside them', async () => {
    // The fixtures' members, and the meeting that makes the year's 民主评议 results due.
    writeFileSync(
      file('花名册.csv'),
      '姓名,性别,民族,出生日期,学历,入党时间,转正时间,党员类别\n' +
        '王建国,男,汉族,1975-03-02,大学,2001-07-01,2002-07-01,正式党员\n' +
        '李秀英,女,汉族,1982-05-10,大学,2008-06-20,2009-06-20,正式党员\n' +
        '陈志强,男,汉族,1958-11-23,大专,1985-10-01,1986-10-01,正式党员\n' +
        '刘芳,女,汉族,1996-08-15,研究生,2025-06-28,,预备党员\n' +
        '赵磊,男,汉族,1990-01-30,大学,2015-07-01,2016-07-01,正式党员\n',
    );
    writeFileSync(file('会议.csv'), '会议类型,会议时间,会议主题,地点\n民主评议党员,2025-12-20 09:00,2025年度民主评议党员,党员活动室\n');
    const ledgers = ['党费收缴登记.xlsx', '学习培训学时登记表.xlsx', '民主评议党员结果登记表.xlsx'].map(kindSample);
    const result = await run('self-check', file('花名册.csv'), file('会议.csv'), ...ledgers, '--year', '2025', '--today', '2026-01-15', '--json');
    expect(result.code).toBe(EXIT_OK);
    const [branch] = parseJson(result).branches;
    const of = (prefix: string) => branch.findings.filter((f) => f.rule.startsWith(prefix)).map((f) => `${f.rule} ${f.message}`);
    // 赵磊's row has no 等次; 陈志强's 基本合格 has its 处置措施; one 优秀 of four 正式党员 is within ⌊4/3⌋.
    expect(of('review.')).toEqual(['review.missing 党员赵磊参加了2025年度民主评议党员，尚未录入支部评定等次']);
    // The ledger holds January to March: from there on every month is unpaid, 刘芳's from 入党时间 on.
    expect(of('dues.unpaid')).toContainEqual(expect.stringMatching(/^dues\.unpaid 党员王建国已连续10个月未交纳党费（2025年3月至12月）/));
    expect(of('dues.unpaid')).toContainEqual(expect.stringMatching(/^dues\.unpaid 党员刘芳已连续7个月未交纳党费（2025年6月至12月）/));
    // 2 + 8 (一天 by the default 计时) hours against 32.
    expect(of('training.')).toContain('training.hours 党员王建国2025年学习培训10学时，未达到32学时，差22学时');
    expect(of('training.')).toHaveLength(5);
  });
});

describe('ledger demo-package and verify', () => {
  let packageDir: string;
  beforeAll(() => {
    packageDir = mkdtempSync(join(tmpdir(), 'ledger-package-'));
  });
  afterAll(() => rmSync(packageDir, { recursive: true, force: true }));

  it('routes both commands through main: builds the demo package, verifies it intact, then names an altered file', async () => {
    const zip = join(packageDir, '示例支部_2024年度_党建台账.zip');
    const built = await run('demo-package', '--out', zip, '--year', '2024');
    expect(built.code).toBe(0);

    const intact = await run('verify', zip, '--json');
    expect(intact.code).toBe(0);
    const report = JSON.parse(intact.stdout) as { ok: boolean; problems: unknown[]; counts: Record<string, number>; fingerprint: string };
    expect(report.ok).toBe(true);
    // The fingerprint is the hex SHA-256 of manifest.json, the one printed on the 报送单.
    const { createHash } = await import('node:crypto');
    const { unzipSync: unzip } = await import('fflate');
    const { readFileSync: read } = await import('node:fs');
    expect(report.fingerprint).toBe(createHash('sha256').update(unzip(read(zip))['manifest.json']).digest('hex'));
    expect(built.stdout).toContain(`材料包指纹：${report.fingerprint.slice(0, 4)} ${report.fingerprint.slice(4, 8)}`);
    expect(report.problems).toEqual([]);
    expect(report.counts.meetings).toBeGreaterThan(0);

    // One byte changed inside the stored (uncompressed) manifest-listed file is found by its hash.
    const { unzipSync, zipSync } = await import('fflate');
    const { readFileSync } = await import('node:fs');
    const entries = unzipSync(readFileSync(zip));
    const target = Object.keys(entries).find((path) => path.startsWith('01_'))!;
    entries[target] = entries[target].slice();
    entries[target][entries[target].length - 30] ^= 0xff;
    writeFileSync(zip, zipSync(entries));
    const altered = await run('verify', zip);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`[被改动] ${target}：内容与文件清单记录的校验值不符`);
    // The path once per problem.
    expect(altered.stdout.split(target).length - 1).toBe(1);
  }, 60_000);
});

describe('ledger self-check on Excel ledgers', () => {
  const sample = (name: string) => fileURLToPath(new URL(`../../shared/ledgers/fixtures/${name}`, import.meta.url));

  it('reads the ledgers through the import pipeline into one branch and runs every rule, 思想动态分析 included', async () => {
    const files = ['党员花名册.xlsx', '三会一课台账.xlsx', '谈心谈话记录.xlsx', '党员思想动态分析.xlsx', '整改台账.xlsx'].map(sample);
    const result = await run('self-check', ...files, '--year', '2025', '--today', '2026-01-15', '--json');
    expect(result.code).toBe(EXIT_OK);
    const report = JSON.parse(result.stdout) as { branches: { name: string; findings: { rule: string }[] }[] };
    expect(report.branches).toHaveLength(1);
    const rules = new Set(report.branches[0].findings.map((f) => f.rule));
    // The sample has no 支委会 on file (no 组织设置): the setup is flagged; the year's meetings are judged.
    expect(rules.has('branch.setup')).toBe(true);
    expect([...rules].some((r) => r.startsWith('meeting.'))).toBe(true);
    noStack(result);
    // A counts-only ledger of another system is judged too (its meetings come in by date, type from the name).
    const themeDay = await run('self-check', sample('difficulties/theme-day.xlsx'), '--year', '2025', '--today', '2025-04-01', '--json');
    expect(themeDay.code).toBe(EXIT_OK);
    const branch = (JSON.parse(themeDay.stdout) as { branches: { name: string; findings: { rule: string; period: string }[] }[] }).branches[0];
    expect(branch.name).toBe('中共某某局机关第一党支部');
    // January to March each had a 主题党日: no 主题党日 finding for those months.
    expect(branch.findings.filter((f) => f.rule === 'meeting.themeDay.monthly' && f.period < '2025-04')).toEqual([]);
  });

  it('rebuilds the branch of a 检查材料包 with its 组织设置 (支委会, 党小组) before judging it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-rebuild-'));
    try {
      const zip = join(dir, 'demo.zip');
      expect((await run('demo-package', '--out', zip, '--year', '2025')).code).toBe(EXIT_OK);
      const result = await run('self-check', zip, '--year', '2025', '--today', '2025-11-20', '--json');
      expect(result.code).toBe(EXIT_OK);
      const [branch] = (JSON.parse(result.stdout) as { branches: { name: string; findings: { rule: string; message: string }[] }[] }).branches;
      expect(branch.name).toBe('中共示例市民政局机关第一支部委员会');
      // The committee's term is known (06_组织设置 came in), and the groups' meetings are judged group by group.
      expect(branch.findings.some((f) => f.rule === 'term.expiry' && f.message.includes('选举产生'))).toBe(true);
      expect(branch.findings.some((f) => f.rule === 'meeting.partyGroup.monthly' && /第.党小组/.test(f.message))).toBe(true);
      expect(branch.findings.some((f) => f.rule === 'branch.setup')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
