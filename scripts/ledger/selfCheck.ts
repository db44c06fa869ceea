/**
 * `ledger self-check`: every branch of each export through runAllRules for one year, judged on one day.
 * Rows that fail their schema are left out and reported; a file that cannot be read is an error of its own,
 * and the other files are still checked. Ledger files (.xlsx/.xlsm/.csv, or a 检查材料包 .zip) go through the import
 * pipeline (readLedgerFile, then planning as the app does) into one branch, judged like an export's branch.
 * The rules' input is built by ruleInputFor, as for the 工作台 and the package's 自检报告.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DUES_SETTINGS_KEY, readDuesSettings } from '../../shared/dues/settings';
import { errorCode, messageOf } from '../../shared/errors';
import { branchFromLedgers } from '../../shared/imports';
import { readLedgerFile, type LedgerFileResult } from '../../shared/ledgers';
import { readAnalysisSettings, ANALYSIS_SETTINGS_KEY } from '../../shared/model';
import { runAllRules, type Finding } from '../../shared/rules';
import { ruleInputFor } from '../../shared/rules/input';
import { readTrainingSettings, TRAINING_SETTINGS_KEY } from '../../shared/training/settings';
import { LEDGER_EXTENSIONS, LedgerFileError, readExportFile, type CheckedTable, type ExportTables } from './readExport';
import { ruleSettingsOf, validateTables, type DataIssue } from './validate';

export interface BranchReport {
  id: string;
  name: string;
  /** The file the branch was read from. */
  file: string;
  findings: Finding[];
}

export interface FileError {
  file: string;
  message: string;
}

export interface SelfCheckReport {
  year: number;
  today: string;
  branches: BranchReport[];
  /** Data problems: rows left out, settings replaced by defaults, records of no branch in the file. */
  issues: DataIssue[];
  /** Notes about a file that do not stop the check. */
  notes: string[];
  /** Files that could not be checked at all. */
  errors: FileError[];
}

export interface SelfCheckOptions {
  year: number;
  /** `YYYY-MM-DD`. */
  today: string;
}

/** The branches of one export, checked; with the data issues found on the way. */
export function selfCheckExport(
  file: string,
  exported: ExportTables,
  options: SelfCheckOptions,
): { branches: BranchReport[]; issues: DataIssue[] } {
  const { records, issues } = validateTables(file, exported);
  const settings = ruleSettingsOf(file, records.settings);
  issues.push(...settings.issues);

  const branchIds = new Set(records.branches.map((b) => b.id));
  const orphans = (table: CheckedTable, rows: { branchId: string }[]) => {
    const count = rows.filter((row) => !branchIds.has(row.branchId)).length;
    if (count > 0) {
      issues.push({ file, table, message: `有 ${count} 条记录所属的支部不在文件中，未参与自检` });
    }
  };
  orphans('members', records.members);
  orphans('meetings', records.meetings);
  orphans('talks', records.talks);
  orphans('rectifications', records.rectifications);
  orphans('analyses', records.analyses);
  orphans('reviews', records.reviews);
  orphans('dues', records.dues);
  orphans('training', records.training);

  const stored = (key: string) => records.settings.find((row) => row.key === key)?.value;
  const analysisSettings = readAnalysisSettings(stored(ANALYSIS_SETTINGS_KEY));
  const duesSettings = readDuesSettings(stored(DUES_SETTINGS_KEY));
  const trainingSettings = readTrainingSettings(stored(TRAINING_SETTINGS_KEY));
  const branches = records.branches.map((branch) => ({
    id: branch.id,
    name: branch.name,
    file,
    findings: runAllRules(
      ruleInputFor(
        { ...records, branch, analysisSettings, duesSettings, trainingSettings },
        { year: options.year, today: options.today, settings: settings.settings },
      ),
    ),
  }));
  return { branches, issues };
}

/** What ledger files tell: one branch, named by a title in them (中共…党支部…) or by the first file. */
export async function selfCheckLedgers(files: readonly string[], options: SelfCheckOptions, report: SelfCheckReport): Promise<void> {
  const results: LedgerFileResult[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(file));
    } catch (error) {
      const code = errorCode(error);
      report.errors.push({ file, message: code === 'ENOENT' ? `找不到文件：${file}` : `无法读取 ${file}（${code ?? messageOf(error)}）` });
      continue;
    }
    const result = await readLedgerFile(basename(file), bytes, { today: options.today });
    const unreadable = result.fileIssues.find((i) => i.severity === 'error');
    if (unreadable) {
      report.errors.push({ file, message: unreadable.text });
      continue;
    }
    results.push(result);
  }
  if (results.length === 0) {
    return;
  }
  const title = results.flatMap((r) => r.sheets.map((s) => s.titleBranch)).find(Boolean);
  const name = title ?? basename(files[0], extname(files[0]));
  const { context, planned } = branchFromLedgers(results, name, options.today);
  const left = planned.filter((row) => row.blocked || row.action === '冲突');
  if (left.length > 0) {
    report.notes.push(`台账中有 ${left.length} 行未能导入（有错误或冲突），未参与自检；请用 check 命令查看`);
  }
  report.branches.push({
    id: context.branchId,
    name,
    file: files.join('、'),
    findings: runAllRules(ruleInputFor({ ...context, branch: context.branches[0] }, { year: options.year, today: options.today })),
  });
}

export async function selfCheckFiles(files: readonly string[], options: SelfCheckOptions): Promise<SelfCheckReport> {
  const report: SelfCheckReport = { ...options, branches: [], issues: [], notes: [], errors: [] };
  const ledgers = files.filter((file) => LEDGER_EXTENSIONS.has(extname(file).toLowerCase()));
  for (const file of files.filter((f) => !ledgers.includes(f))) {
    if (['.xls', '.et'].includes(extname(file).toLowerCase())) {
      report.errors.push({ file, message: `${file} 是旧版 Excel 格式（.xls/.et），请在 Excel 或 WPS 中另存为 .xlsx 后再自检` });
      continue;
    }
    let exported: ExportTables;
    try {
      exported = await readExportFile(file);
    } catch (error) {
      if (error instanceof LedgerFileError) {
        report.errors.push({ file, message: error.message });
        continue;
      }
      throw error;
    }
    report.notes.push(...exported.notes);
    const checked = selfCheckExport(file, exported, options);
    if (checked.branches.length === 0) {
      report.notes.push(`${file} 中没有可检查的支部记录`);
    }
    report.branches.push(...checked.branches);
    report.issues.push(...checked.issues);
  }
  await selfCheckLedgers(ledgers, options, report);
  return report;
}
