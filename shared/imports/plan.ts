import type { LedgerKind } from '../ledgers/types';
import type { ParsedRow } from '../ledgers/parseSheet';
import type { ImportedAnalysisEntry } from '../ledgers/definitions/analyses';
import type { ImportedMeeting } from '../ledgers/definitions/meetings';
import type { ImportedRectification } from '../ledgers/definitions/rectifications';
import type { ImportedTalk } from '../ledgers/definitions/talks';
import { analysisEntryInto, analysisPlanContext, planAnalysisRows } from './analyses';
import type { ImportContext, PlannedRow } from './core';
import { meetingAsNew, meetingAsUpdate, meetingPlanContext, planMeetingRows } from './meetings';
import { memberAsNew, memberAsUpdate, planMemberRows } from './members';
import { planRectificationRows, rectificationAsNew, rectificationAsUpdate, rectificationPlanContext } from './rectifications';
import { planTalkRows, talkAsNew, talkAsUpdate, talkPlanContext } from './talks';

/**
 * Import planning for every ledger: what each parsed row would do (新增 / 更新 with its changes / 跳过 / 冲突),
 * computed once in the renderer and shown before anything is written; renderer/src/db/imports.ts
 * commitLedgerImport writes exactly the plan. Keys (DOMAIN §4):
 * - members: 公民身份号码, else 姓名 + 出生日期, within the target branch (所在党支部 → an existing branch or one to create);
 * - meetings: branch + 会议类型 + 会议时间 to the minute (a date-only time matches the same day), + 党小组 for a
 *   党小组会 whose group is known;
 * - talks: 谈话时间 + 谈话人 + 谈话对象;
 * - analyses: 党员 + 分析时段 (an entry of that period's Analysis);
 * - rectifications: 存在问题 normalised + 问题来源.
 * Two rows of the file with one key: the second is 冲突 naming the first. Rows with errors, and rows naming a
 * 谈话人/谈话对象/党员 not on the roster, are blocked. What an export of the app reads back as is no change
 * (shared/exports/roundTrip.test.ts): free text that says the same keeps its stored wording (core sameText),
 * attendance compares as a set by member, 整改进展 merges by date and text.
 */
export * from './core';

export function planLedgerImport(kind: LedgerKind, rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow[] {
  switch (kind) {
    case 'members':
      return planMemberRows(rows, ctx);
    case 'meetings':
      return planMeetingRows(rows, ctx);
    case 'talks':
      return planTalkRows(rows, ctx);
    case 'analyses':
      return planAnalysisRows(rows, ctx);
    case 'rectifications':
      return planRectificationRows(rows, ctx);
  }
}

function skipped(row: PlannedRow): PlannedRow {
  return { ...row, action: '跳过', after: undefined, changes: undefined, reason: '已选择不导入本行' };
}

/**
 * The user resolves a 冲突 row: update candidate `id`, add as new ('new'), or leave it ('skip'). Blocked rows and
 * rows that are no 冲突 are returned unchanged; an id that is not a candidate is refused (Error).
 */
export function resolveConflict(row: PlannedRow, choice: string, ctx: ImportContext): PlannedRow {
  if (row.blocked || row.action !== '冲突' || !row.source?.record) {
    return row;
  }
  if (choice === 'skip') {
    return skipped(row);
  }
  if (choice !== 'new' && !(row.candidates ?? []).some((c) => c.id === choice)) {
    throw new Error(`第${row.rowNumber}行：所选记录不在可选范围内`);
  }
  const branchId = 'branchId' in row.target ? row.target.branchId : ctx.branchId;
  const scoped: ImportContext = { ...ctx, branchId };
  const source = row.source;
  const keep = (planned: PlannedRow): PlannedRow => ({ ...planned, rowNumber: row.rowNumber, source, duplicateOf: row.duplicateOf });
  switch (row.kind) {
    case 'members': {
      if (choice === 'new') return keep(memberAsNew(row, scoped));
      const member = ctx.members.find((m) => m.id === choice);
      return member ? keep(memberAsUpdate(row, member, scoped)) : row;
    }
    case 'meetings': {
      const pc = meetingPlanContext(scoped);
      const r = source as ParsedRow<ImportedMeeting>;
      if (choice === 'new') return keep(meetingAsNew(r, pc, '按新会议导入'));
      const meeting = ctx.meetings.find((m) => m.id === choice);
      return meeting ? keep(meetingAsUpdate(r, meeting, pc)) : row;
    }
    case 'talks': {
      const tc = talkPlanContext(scoped);
      const r = source as ParsedRow<ImportedTalk>;
      if (choice === 'new') return keep(talkAsNew(r, tc));
      const talk = ctx.talks.find((t) => t.id === choice);
      return talk ? keep(talkAsUpdate(r, talk, tc)) : row;
    }
    case 'analyses': {
      const ac = analysisPlanContext(scoped);
      const r = source as ParsedRow<ImportedAnalysisEntry>;
      if (choice === 'new') {
        if (row.duplicateOf !== undefined) {
          // One member has one entry per Analysis: a second row for the same period cannot be added beside it.
          return { ...row, reason: `同一党员同一时段只能有一条分析，请在文件中删去第${row.duplicateOf}行或本行` };
        }
        return keep(analysisEntryInto(r, undefined, ac));
      }
      const analysis = ctx.analyses.find((a) => a.id === choice);
      return analysis ? keep(analysisEntryInto(r, analysis, ac)) : row;
    }
    case 'rectifications': {
      const rc = rectificationPlanContext(scoped);
      const r = source as ParsedRow<ImportedRectification>;
      if (choice === 'new') return keep(rectificationAsNew(r, rc));
      const task = ctx.rectifications.find((t) => t.id === choice);
      return task ? keep(rectificationAsUpdate(r, task, rc)) : row;
    }
  }
}
