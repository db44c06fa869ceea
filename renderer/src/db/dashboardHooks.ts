/**
 * What 工作台 reads: everything the rules look at for one branch and year, in one live query, so that a meeting,
 * a talk, a member or a rule setting changed anywhere shows at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Branch } from '@shared/model';
import { ledgerStartOf, reportingStartOf, type LedgerStart, type LedgerStartInput, type RuleInput } from '@shared/rules';
import { ruleInputFor } from '@shared/rules/input';
import type { BranchLedgerDatabase } from './database';
import { db } from './index';
import { listMembers } from './members';
import { getAnalysisSettings } from './analyses';
import { getDuesSettings, listDues } from './dues';
import { getRuleSettings } from './ruleSettings';
import { listTalksFrom } from './talks';
import { getTrainingSettings, listTraining } from './training';

/**
 * The RuleInput of a branch for `year`, judged on `today`: the branch, all its members (历史 included: the
 * rules judge who was on the roster when), the year's meetings, the talks from the year's first day on (a 必谈
 * of the year may be held early the next), the rule settings, the 整改 tasks with their files, the 思想动态分析, the
 * 民主评议结果 (all years: a January meeting decides the year before's), the 党费 records (all years: a run of unpaid
 * months may start the year before), the year's 学时 and the 党费/学时 settings. `undefined` when the branch does not exist.
 */
export async function loadRuleInput(
  database: BranchLedgerDatabase,
  branchId: string,
  year: number,
  today: string,
): Promise<RuleInput | undefined> {
  const [branch, members, meetings, talks, settings, rectifications, attachments, analyses, analysisSettings, reviews, dues, training, duesSettings, trainingSettings] = await Promise.all([
    database.branches.get(branchId),
    listMembers(database, branchId),
    database.meetings
      .where('[branchId+startAt]')
      .between([branchId, `${year}-01-01`], [branchId, `${year}-12-31\uffff`], true, true)
      .toArray(),
    listTalksFrom(database, branchId, `${year}-01-01`),
    getRuleSettings(database),
    database.rectifications.where('branchId').equals(branchId).toArray(),
    // Only which task each file belongs to: the Blobs themselves are not read.
    database.attachments
      .where('branchId')
      .equals(branchId)
      .filter((a) => a.ownerTable === 'rectifications')
      .toArray((rows) => rows.map((a) => ({ ownerTable: a.ownerTable, ownerId: a.ownerId }))),
    database.analyses.where('branchId').equals(branchId).toArray(),
    getAnalysisSettings(database),
    database.reviews.where('branchId').equals(branchId).toArray(),
    listDues(database, branchId),
    listTraining(database, branchId, year),
    getDuesSettings(database),
    getTrainingSettings(database),
  ]);
  return branch
    ? ruleInputFor(
        { branch, members, meetings, talks, rectifications, attachments, analyses, analysisSettings, reviews, dues, training, duesSettings, trainingSettings },
        { year, today, settings },
      )
    : undefined;
}

/** loadRuleInput, live; `undefined` while loading, `null` when the branch is gone. */
export function useDashboardInput(branchId: string, year: number, today: string): RuleInput | null | undefined {
  return useLiveQuery(async () => (await loadRuleInput(db, branchId, year, today)) ?? null, [branchId, year, today]);
}

/** The branch's earliest meeting and talk and its analyses: what its 台账起始日期 is read from, live. */
function useLedgerStartInput(branch: Branch): LedgerStartInput | undefined {
  return useLiveQuery(async () => {
    const [meeting, talk, analyses] = await Promise.all([
      db.meetings.where('[branchId+startAt]').between([branch.id, ''], [branch.id, '\uffff']).first(),
      db.talks.where('[branchId+date]').between([branch.id, ''], [branch.id, '\uffff']).first(),
      db.analyses.where('branchId').equals(branch.id).toArray(),
    ]);
    return { branch, meetings: meeting ? [meeting] : [], talks: talk ? [talk] : [], analyses };
  }, [branch]);
}

/**
 * What an empty 台账起始日期 of `branch` stands for now: its creation day or its earliest meeting, talk or analysis
 * (the set date left aside). `undefined` while loading.
 */
export function useAutomaticLedgerStart(branch: Branch): LedgerStart | undefined {
  const input = useLedgerStartInput(branch);
  return useMemo(() => (input ? ledgerStartOf({ ...input, branch: { ...input.branch, ledgerStartsOn: undefined } }) : undefined), [input]);
}

/** The first day anything can be reported missing for `branch` (reportingStartOf). `undefined` while loading. */
export function useReportingStart(branch: Branch): string | undefined {
  const input = useLedgerStartInput(branch);
  return useMemo(() => (input ? reportingStartOf(input) : undefined), [input]);
}
