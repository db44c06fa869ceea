import { currentPeriodName, periodState, type MeetingMatrixCell, type MeetingMatrixRow } from '@shared/rules';

/**
 * How one cell of the 类型×月 matrix is shown: its colour, its words and where it leads. Pure, so that the
 * wording and the links are tested without a browser.
 *
 * done: held often enough → the meeting (one) or the list of that month and type (several);
 * missing: the period is over → 新建 of that type; open: the current period, not yet held → 新建;
 * future: not begun (a meeting planned for it opens that meeting); notRequired: nothing to hold.
 */
export type CellTone = 'done' | 'missing' | 'open' | 'future' | 'notRequired';

export interface MatrixCellView {
  key: string;
  colSpan: number;
  tone: CellTone;
  /** The words in the cell: `已开`, `未开`, `本月未开`, `只开1次` …; empty for a future period. */
  text: string;
  /** What a screen reader says and the tooltip shows: `支部委员会会议 2025年3月：本月未开`. */
  label: string;
  to?: string;
}

export const TONE_LABELS: Record<CellTone, string> = {
  done: '已开',
  missing: '未开（已过期）',
  open: '本期尚未召开',
  future: '未到期',
  notRequired: '不需召开',
};

/**
 * `/meetings/new?type=党小组会&group=…&date=YYYY-MM-DD`: quick creation, as MeetingsPage reads it. `date` is given
 * for a past period (补录 of a meeting held then), so that the form does not start on today.
 */
export function newMeetingPath(type: string, partyGroupId?: string, date?: string): string {
  const group = partyGroupId ? `&group=${encodeURIComponent(partyGroupId)}` : '';
  return `/meetings/new?type=${encodeURIComponent(type)}${group}${date ? `&date=${date}` : ''}`;
}

/** The first day of a cell's period, `YYYY-MM-DD`. */
function periodStart(cell: Pick<MeetingMatrixCell, 'months'>, year: number): string {
  return `${year}-${String(cell.months[0]).padStart(2, '0')}-01`;
}

/** The meetings of a row's period, as the list reads them (a single meeting opens the meeting itself, see cellView). */
export function meetingListPath(row: Pick<MeetingMatrixRow, 'type' | 'partyGroupId'>, cell: Pick<MeetingMatrixCell, 'months'>, year: number): string {
  const params = new URLSearchParams({ type: row.type, year: String(year) });
  if (cell.months.length === 1) {
    params.set('month', String(cell.months[0]));
  }
  if (row.partyGroupId) {
    params.set('group', row.partyGroupId);
  }
  return `/meetings?${params.toString()}`;
}

export function cellView(row: MeetingMatrixRow, cell: MeetingMatrixCell, today: string, year: number): MatrixCellView {
  const base = { key: cell.period, colSpan: cell.months.length };
  const state = periodState(cell, today);
  let tone: CellTone;
  let text: string;
  let to: string | undefined;
  if (cell.status === 'notRequired') {
    tone = 'notRequired';
    text = '—';
  } else if (cell.status === 'done') {
    tone = 'done';
    text = cell.count > 1 ? `已开${cell.count}次` : '已开';
    to = cell.meetingIds.length === 1 ? `/meetings/${cell.meetingIds[0]}` : meetingListPath(row, cell, year);
  } else if (cell.status === 'missing') {
    tone = 'missing';
    text = cell.count === 0 ? '未开' : `只开${cell.count}次`;
    to = newMeetingPath(row.type, row.partyGroupId, periodStart(cell, year));
  } else if (state === 'current') {
    tone = 'open';
    text = cell.count === 0 ? `${currentPeriodName(row.frequency.period)}未开` : `已开${cell.count}次，还差${cell.required - cell.count}次`;
    to = newMeetingPath(row.type, row.partyGroupId);
  } else {
    tone = 'future';
    text = cell.plannedMeetingIds.length > 0 ? '已安排' : '';
    to = cell.plannedMeetingIds.length === 1 ? `/meetings/${cell.plannedMeetingIds[0]}` : undefined;
  }
  const said = text && text !== '—' ? text : TONE_LABELS[tone];
  return { ...base, tone, text, to, label: `${row.label} ${cell.label}：${said}` };
}
