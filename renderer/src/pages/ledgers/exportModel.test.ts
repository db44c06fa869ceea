import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import { yearPeriod } from '@shared/exports/period';
import { DEFAULT_DATASET_SETTINGS } from '@shared/exports/types';
import { buildInspectionPackage } from '@shared/package/build';
import { RULE_LABELS } from '@shared/rules/types';
import { checkPackage } from './exportPackageCheck';
import {
  comparePackages,
  EXPORT_LEDGERS,
  ledgerFileName,
  partFileName,
  partsZipName,
  periodOf,
  templateFileName,
  yearOptions,
  type PackageCheck,
} from './exportModel';
import { demoLedgers } from '@shared/kinds';

const TODAY = '2025-09-15';

async function demoPackage(branchNumber = 1): Promise<{ bytes: Uint8Array; name: string }> {
  const demo = generateDemoBranch({ today: TODAY, branchNumber });
  const chunks: Uint8Array[] = [];
  const result = await buildInspectionPackage(
    {
      dataset: { branch: demo.branch, ...demoLedgers(demo, { today: TODAY }), ...DEFAULT_DATASET_SETTINGS },
      options: { period: yearPeriod(2025), generatedOn: TODAY },
      appVersion: '0.1.0',
      generatedAt: `${TODAY}T10:00:00+08:00`,
      attachments: demo.evidence.map((file) => file.meta),
      loadAttachment: async (id) => strToU8(demo.evidence.find((file) => file.meta.id === id)!.text),
    },
    (chunk) => {
      chunks.push(chunk);
    },
  );
  const bytes = new Uint8Array(result.size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, name: result.fileName };
}

describe('periodOf', () => {
  it('turns a year into that calendar year', () => {
    expect(periodOf({ mode: 'year', year: 2025 })).toEqual({ ok: true, period: { start: '2025-01-01', end: '2025-12-31', label: '2025年度' } });
  });

  it('turns a range into a labelled period, both ends included', () => {
    expect(periodOf({ mode: 'range', start: '2025-01-01', end: '2025-06-30' })).toEqual({
      ok: true,
      period: { start: '2025-01-01', end: '2025-06-30', label: '2025年1月1日至2025年6月30日' },
    });
  });

  it('says which end is missing or wrong', () => {
    expect(periodOf({ mode: 'range' })).toEqual({ ok: false, message: '请选择期间的开始日期' });
    expect(periodOf({ mode: 'range', start: '2025-01-01' })).toEqual({ ok: false, message: '请选择期间的结束日期' });
    const reversed = periodOf({ mode: 'range', start: '2025-06-30', end: '2025-01-01' });
    expect(reversed.ok).toBe(false);
    expect(!reversed.ok && reversed.message).toBe('结束日期（2025年1月1日）早于开始日期（2025年6月30日），请重新选择');
  });

  it('offers next year down to ten years back', () => {
    const years = yearOptions(2026);
    expect(years[0]).toBe(2027);
    expect(years).toContain(2026);
    expect(years.at(-1)).toBe(2016);
  });
});

describe('file names', () => {
  it('names an export <支部名称>_<期间>_<台账名>.xlsx, safe on Windows', () => {
    expect(ledgerFileName('机关第一党支部', '2025年度', '三会一课台账')).toBe('机关第一党支部_2025年度_三会一课台账.xlsx');
    expect(ledgerFileName('财务/审计 党支部:', '2025年1月1日至2025年6月30日', '党员花名册')).toBe('财务_审计 党支部__2025年1月1日至2025年6月30日_党员花名册.xlsx');
    expect(templateFileName('谈心谈话台账')).toBe('谈心谈话台账_空白模板.xlsx');
  });

  it('names the parts of a split ledger and their zip', () => {
    expect(partFileName('支部_2025年度_三会一课台账.xlsx', 2)).toBe('支部_2025年度_三会一课台账_第2部分.xlsx');
    expect(partsZipName('支部_2025年度_三会一课台账.xlsx')).toBe('支部_2025年度_三会一课台账.zip');
  });

  it('offers every ledger in file order, each with its import template but 组织设置', () => {
    expect(EXPORT_LEDGERS.map((l) => l.label)).toEqual(['党员花名册', '三会一课台账', '谈心谈话台账', '思想动态分析', '整改台账', '组织设置', '民主评议党员', '党费收缴台账', '学习培训学时']);
    expect(EXPORT_LEDGERS.filter((l) => !l.template).map((l) => l.kind)).toEqual(['organization']);
  });
});

describe('checkPackage and comparePackages', () => {
  it('reads an intact package: 与包内清单一致, its branch, period, counts and one 结论 per rule', async () => {
    const { bytes, name } = await demoPackage();
    const check = await checkPackage(name, bytes);
    expect(check.verification.ok).toBe(true);
    expect(check.verification.problems).toEqual([]);
    expect(check.about?.appVersion).toBe('0.1.0');
    expect(check.readProblem).toBeUndefined();
    expect(check.selfCheck?.length).toBeGreaterThan(5);
    expect(check.selfCheck?.map((r) => r.label)).toContain(RULE_LABELS['meeting.partyCongress.quarterly']);
    for (const row of check.selfCheck ?? []) {
      expect(['符合', '不符合', '需注意', '提醒', '不检查']).toContain(row.conclusion);
    }

    const comparison = comparePackages([check]);
    const basics = Object.fromEntries(comparison.basics.map((row) => [row.key, row.cells[0]]));
    expect(basics.verdict).toBe('与包内清单一致');
    expect(basics.branch).toBe(check.verification.branch?.name);
    expect(basics.period).toBe('2025年度');
    expect(basics.generatedAt).toBe('2025年9月15日 10:00');
    expect(Number(basics['count.members'])).toBeGreaterThan(0);
    // Rows follow RULE_IDS order and carry the package's own 结论.
    const partyCongress = comparison.rules.find((row) => row.label === RULE_LABELS['meeting.partyCongress.quarterly']);
    const fromReport = check.selfCheck?.find((r) => r.label === RULE_LABELS['meeting.partyCongress.quarterly']);
    expect(partyCongress?.cells[0]?.split('\n')[0]).toBe(fromReport?.conclusion);
    expect(comparison.rules[0].label).toBe(RULE_LABELS['branch.setup']);
  }, 60_000);

  it('names the altered file of a package, and still compares it with an intact one', async () => {
    const { bytes, name } = await demoPackage();
    const entries = unzipSync(bytes);
    const target = Object.keys(entries).find((path) => path.startsWith('02_'))!;
    const altered = entries[target].slice();
    altered[altered.length - 30] ^= 0x01;
    const zipped: Zippable = {};
    for (const [path, content] of Object.entries(entries)) {
      zipped[path] = path === target ? altered : content;
    }
    const check = await checkPackage('改过的.zip', zipSync(zipped));
    expect(check.verification.ok).toBe(false);
    expect(check.verification.problems.map((p) => p.path)).toEqual([target]);
    expect(check.verification.problems[0].message).toContain('校验值不符');

    const intact = await checkPackage(name, bytes);
    const comparison = comparePackages([intact, check]);
    expect(comparison.basics.find((r) => r.key === 'verdict')?.cells).toEqual(['与包内清单一致', '校验未通过（1 个问题）']);
  }, 60_000);

  it('reports a file that is not a package without throwing', async () => {
    const check = await checkPackage('随便一个.zip', zipSync({ 'a.txt': strToU8('hello') }));
    expect(check.verification.ok).toBe(false);
    expect(check.verification.problems[0].message).toContain('缺少文件清单');
    expect(check.readProblem).toBeDefined();
    expect(check.selfCheck).toBeUndefined();
    const rules = comparePackages([check]).rules;
    expect(rules.every((row) => row.cells[0]?.startsWith('无法读取自检报告'))).toBe(true);
  });

  it('lines up rules by label across packages, leaving a dash where a package has no such row', () => {
    const base = (fileName: string, rows: { label: string; conclusion: string }[]): PackageCheck => ({
      fileName,
      verification: { ok: true, branch: { id: fileName, name: fileName }, period: yearPeriod(2025), counts: null, fingerprint: null, problems: [] },
      selfCheck: rows,
    });
    const comparison = comparePackages([
      base('甲.zip', [
        { label: '党课', conclusion: '符合' },
        { label: '新规则', conclusion: '提醒' },
      ]),
      base('乙.zip', [{ label: '党课', conclusion: '不符合' }]),
    ]);
    expect(comparison.rules.map((r) => r.label)).toEqual(['党课', '新规则']);
    expect(comparison.rules[0].cells).toEqual(['符合', '不符合']);
    expect(comparison.rules[1].cells).toEqual(['提醒', undefined]);
  });
});
