/**
 * What an export reads from the database: one branch's LedgerDataset (shared/exports), its rule settings, and
 * its attachments (metadata first, the bytes one file at a time).
 *
 * Imports only ./database and ./attachments (no dexie-react-hooks, no React): the export worker opens its own BranchLedgerDatabase
 * and calls these, so the records are read where the workbook is built and never cross the thread boundary.
 *
 * Memory: meetings and talks, the two tables that grow into tens of thousands, are read through their
 * [branchId+date] indexes limited to a window of dates (the export's period, or the whole years it touches when
 * the rules need them); every other kind of LEDGER_KINDS is read whole (the builders choose by period: a roster
 * member of any time in the period, a rectification open during it). The 思想状况, 党费规定 and 学时 settings go with
 * the dataset, the rule settings beside it.
 */
import type { LedgerDataset } from '@shared/exports/types';
import { readDuesSettings, DUES_SETTINGS_KEY } from '@shared/dues/settings';
import { ANALYSIS_SETTINGS_KEY, readAnalysisSettings } from '@shared/model';
import { LEDGER_KINDS, type LedgerKind, type LedgerRecords, type Stored } from '@shared/model/kinds';
import { readRuleSettings, RULE_SETTINGS_KEY, type RuleSettings } from '@shared/rules/settings';
import { readTrainingSettings, TRAINING_SETTINGS_KEY } from '@shared/training/settings';
import type { BranchLedgerDatabase } from './database';

/** The package reads the branch's files through these (attachments.ts), metadata first, the bytes one at a time. */
export { listAttachmentMeta, loadAttachmentBytes } from './attachments';

/** Calendar dates, both inclusive (`YYYY-MM-DD`). */
export interface DateWindow {
  start: string;
  end: string;
}

export interface ExportData {
  dataset: LedgerDataset;
  ruleSettings: RuleSettings;
}

/** The whole calendar years a period touches (`2025-03-01…2026-02-28` → 2025-01-01…2026-12-31). */
export function wholeYearsOf(window: DateWindow): DateWindow {
  return { start: `${window.start.slice(0, 4)}-01-01`, end: `${window.end.slice(0, 4)}-12-31` };
}

/**
 * One branch's records for an export, read in one read transaction (a consistent snapshot): meetings whose
 * date (the local date of startAt) and talks whose date lie in `window`, everything else of the branch whole.
 * Throws a Chinese message when the branch does not exist.
 */
export async function readExportData(db: BranchLedgerDatabase, branchId: string, window: DateWindow): Promise<ExportData> {
  return db.transaction('r', [db.branches, db.settings, ...LEDGER_KINDS.map((kind) => db.table(kind))], async () => {
    const branch = await db.branches.get(branchId);
    if (!branch) {
      throw new Error('要导出的支部不存在，可能已被移除，请重新选择支部');
    }
    // startAt is an instant with the local offset (`2025-03-05T09:00:00+08:00`): its first ten characters are the
    // local date, so every instant of the last day sorts below `${end}\uffff`.
    const windowed: Partial<{ [K in LedgerKind]: () => Promise<Stored<K>[]> }> = {
      meetings: () => db.meetings.where('[branchId+startAt]').between([branchId, window.start], [branchId, `${window.end}\uffff`], true, true).toArray(),
      talks: () => db.talks.where('[branchId+date]').between([branchId, window.start], [branchId, window.end], true, true).toArray(),
    };
    // Every other kind whole: a kind added to the registry is exported without a line here.
    const read = (kind: LedgerKind) => windowed[kind]?.() ?? db.table<Stored<LedgerKind>, string>(kind).where('branchId').equals(branchId).toArray();
    const tables = await Promise.all(LEDGER_KINDS.map(async (kind) => [kind, await read(kind)] as const));
    const setting = async (key: string) => (await db.settings.get(key))?.value;
    return {
      dataset: {
        branch,
        ...(Object.fromEntries(tables) as unknown as LedgerRecords), // why: fromEntries loses the keys
        analysisSettings: readAnalysisSettings(await setting(ANALYSIS_SETTINGS_KEY)),
        duesSettings: readDuesSettings(await setting(DUES_SETTINGS_KEY)),
        trainingSettings: readTrainingSettings(await setting(TRAINING_SETTINGS_KEY)),
      },
      ruleSettings: readRuleSettings(await setting(RULE_SETTINGS_KEY)),
    };
  });
}
