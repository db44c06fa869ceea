/**
 * `ledger self-check`: every branch of each export through runAllRules for one year, judged on one day.
 * Rows that fail their schema are left out and reported; a file that cannot be read is an error of its own,
 * and the other files are still checked.
 */
import { runAllRules, type Finding } from '../../shared/rules';
import { LedgerFileError, readExportFile, type CheckedTable, type ExportTables } from './readExport';
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

  const branches = records.branches.map((branch) => ({
    id: branch.id,
    name: branch.name,
    file,
    findings: runAllRules({
      branch,
      members: records.members.filter((m) => m.branchId === branch.id),
      meetings: records.meetings.filter((m) => m.branchId === branch.id),
      talks: records.talks.filter((t) => t.branchId === branch.id),
      rectifications: records.rectifications.filter((r) => r.branchId === branch.id),
      attachments: records.attachments.filter((a) => a.branchId === branch.id),
      settings: settings.settings,
      today: options.today,
      year: options.year,
    }),
  }));
  return { branches, issues };
}

export async function selfCheckFiles(files: readonly string[], options: SelfCheckOptions): Promise<SelfCheckReport> {
  const report: SelfCheckReport = { ...options, branches: [], issues: [], notes: [], errors: [] };
  for (const file of files) {
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
  return report;
}
