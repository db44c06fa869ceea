/**
 * What an export reads from the database: one branch's LedgerDataset (shared/exports), its rule settings, and
 * its attachments (metadata first, the bytes one file at a time).
 *
 * Imports only ./database and ./attachments (no dexie-react-hooks, no React): the export worker opens its own BranchLedgerDatabase
 * and calls these, so the records are read where the workbook is built and never cross the thread boundary.
 *
 * Memory: meetings and talks, the two tables that grow into tens of thousands, are read through their
 * [branchId+date] indexes limited to a window of dates (the export's period, or the whole years it touches when
 * the rules need them); members, analyses, rectifications, 民主评议, 党费 and 学时 are read whole (the builders choose by
 * period: a roster member of any time in the period, a rectification open during it).
 */
import type { LedgerDataset } from '@shared/exports/types';
import { ANALYSIS_SETTINGS_KEY, readAnalysisSettings } from '@shared/model';
import { readRuleSettings, RULE_SETTINGS_KEY, type RuleSettings } from '@shared/rules/settings';
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
  return db.transaction('r', [db.branches, db.members, db.meetings, db.talks, db.analyses, db.rectifications, db.reviews, db.dues, db.training, db.settings], async () => {
    const branch = await db.branches.get(branchId);
    if (!branch) {
      throw new Error('要导出的支部不存在，可能已被移除，请重新选择支部');
    }
    // startAt is an instant with the local offset (`2025-03-05T09:00:00+08:00`): its first ten characters are the
    // local date, so every instant of the last day sorts below `${end}\uffff`.
    const meetings = await db.meetings
      .where('[branchId+startAt]')
      .between([branchId, window.start], [branchId, `${window.end}\uffff`], true, true)
      .toArray();
    const talks = await db.talks
      .where('[branchId+date]')
      .between([branchId, window.start], [branchId, window.end], true, true)
      .toArray();
    const [members, analyses, rectifications, reviews, dues, training, analysisRow, ruleRow] = await Promise.all([
      db.members.where('branchId').equals(branchId).toArray(),
      db.analyses.where('branchId').equals(branchId).toArray(),
      db.rectifications.where('branchId').equals(branchId).toArray(),
      db.reviews.where('branchId').equals(branchId).toArray(),
      db.dues.where('branchId').equals(branchId).toArray(),
      db.training.where('branchId').equals(branchId).toArray(),
      db.settings.get(ANALYSIS_SETTINGS_KEY),
      db.settings.get(RULE_SETTINGS_KEY),
    ]);
    return {
      dataset: {
        branch,
        members,
        meetings,
        talks,
        analyses,
        rectifications,
        reviews,
        dues,
        training,
        analysisSettings: readAnalysisSettings(analysisRow?.value),
      },
      ruleSettings: readRuleSettings(ruleRow?.value),
    };
  });
}
