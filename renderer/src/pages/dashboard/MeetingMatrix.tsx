import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { frequencyLabel, type MeetingMatrixRow } from '@shared/rules';
import { cellView, TONE_LABELS, type CellTone } from './matrixModel';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const LEGEND: CellTone[] = ['done', 'missing', 'open', 'future', 'notRequired'];

/**
 * The year's 类型×月 table of meetingMatrix: one row per required type (one per 党小组), 12 month columns, a
 * quarterly cell spanning 3 of them. A held cell opens its meeting(s), a missing or still open one 新建.
 */
export function MeetingMatrix({ rows, today, year }: { rows: readonly MeetingMatrixRow[]; today: string; year: number }) {
  const currentMonth = today.slice(0, 4) === String(year) ? Number(today.slice(5, 7)) : undefined;
  if (rows.length === 0) {
    return <Typography.Text type="secondary">没有需要检查的会议类型（可在“设置 → 规则”中调整）。</Typography.Text>;
  }
  return (
    <>
      <div className="meeting-matrix-scroll">
        <table className="meeting-matrix" aria-label="会议完成情况">
          <thead>
            <tr>
              <th scope="col" className="meeting-matrix-type">
                会议类型
              </th>
              {MONTHS.map((month) => (
                <th key={month} scope="col" className={month === currentMonth ? 'meeting-matrix-now' : undefined}>
                  {month}月
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.rule}|${row.partyGroupId ?? ''}`}>
                <th scope="row" className="meeting-matrix-type">
                  <span className="meeting-matrix-label">{row.label}</span>
                  <span className="meeting-matrix-rule" title={row.source}>
                    {frequencyLabel(row.frequency)}
                  </span>
                </th>
                {row.cells.map((cell) => {
                  const view = cellView(row, cell, today, year);
                  return (
                    <td key={view.key} colSpan={view.colSpan} className={`meeting-cell meeting-cell-${view.tone}`} title={view.label}>
                      {view.to ? (
                        <Link to={view.to} aria-label={view.label}>
                          {view.text || ' '}
                        </Link>
                      ) : (
                        <span aria-label={view.label}>{view.text}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Flex gap={16} wrap className="meeting-matrix-legend" aria-label="图例">
        {LEGEND.map((tone) => (
          <span key={tone}>
            <span className={`meeting-legend-chip meeting-cell-${tone}`} aria-hidden />
            {TONE_LABELS[tone]}
          </span>
        ))}
      </Flex>
    </>
  );
}
