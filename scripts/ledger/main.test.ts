// The ledger CLI run in-process over exports written from the demo generator into a temporary folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBranch } from '../../shared/demo';
import { RULE_SETTINGS_KEY } from '../../shared/rules';
import { EXIT_OK, EXIT_USAGE, main } from './main';
import { EXCEL_NOT_SUPPORTED } from './readExport';

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
    branches: { id: string; name: string; file: string; findings: { rule: string; severity: string; period: string; message: string; source: string }[] }[];
    issues: { file: string; table: string; index?: number; field?: string; message: string }[];
  };
}

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
  const noStack = (result: Run) => expect(result.stderr).not.toMatch(/\n\s+at /);

  it('prints the usage in Chinese and English for --help', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['self-check', '--help']]) {
      const result = await run(...argv);
      expect(result.code).toBe(EXIT_OK);
      expect(result.stdout).toContain('用法 Usage');
      expect(result.stdout).toContain('self-check <文件.json…> --year <年份>');
      expect(result.stdout).toContain('the year to check');
    }
  });

  it.each([
    [[], '请指定命令'],
    [['check'], '未知命令：check'],
    [['self-check', '--year', '2025'], '请指定至少一个要自检的数据库导出文件'],
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
    writeFileSync(file('ledger.xlsx'), 'PK\u0003\u0004');
    const cases: [string, string][] = [
      [file('missing.json'), `找不到文件：${file('missing.json')}`],
      [file('bad.json'), `${file('bad.json')} 不是有效的 JSON 文件`],
      [file('array.json'), '不是支部台账的数据库导出'],
      [file('ledger.xlsx'), EXCEL_NOT_SUPPORTED],
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
