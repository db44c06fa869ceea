import { Result, Spin } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { formatDate, todayIso } from '@shared/dates';
import { oneOf } from '@shared/oneOf';
import { duesGrid, duesYearSummary, formatYuan, monthColumnLabel, type DuesGrid } from '@shared/dues';
import { useBranch } from '../../components/BranchContext';
import { PrintToolbar } from '../../components/PrintToolbar';
import { useMembers } from '../../db';
import { useDues } from '../../db/duesHooks';
import './print.css';

const SHEETS = ['公示', '报告'] as const;

/** A cell of the 张榜公示: what was paid, 未交 once the month is over, blank when not owed or not yet due. */
function noticeText(cell: DuesGrid['rows'][number]['cells'][number]): string {
  if (cell.paidFen > 0) {
    return formatYuan(cell.paidFen);
  }
  if (cell.state === 'paid') {
    return '免交';
  }
  return cell.state === 'unpaid' ? '未交' : '';
}

/** 张榜公示: members × months of the year, A4 landscape. */
function NoticeSheet({ grid, branchName }: { grid: DuesGrid; branchName: string }) {
  return (
    <article className="print-sheet dues-sheet dues-notice" aria-label="党费收缴情况公示">
      <h1>{branchName}</h1>
      <h2>{grid.year}年度党费收缴情况公示</h2>
      <table>
        <thead>
          <tr>
            <th>姓名</th>
            {grid.months.map((m) => (
              <th key={m}>{monthColumnLabel(m)}</th>
            ))}
            <th>合计</th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.member.id}>
              <td className="center">{row.member.name}</td>
              {row.cells.map((cell) => (
                <td key={cell.month} className="num">
                  {noticeText(cell)}
                </td>
              ))}
              <td className="num">{formatYuan(row.paidFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dues-sheet-date">{formatDate(todayIso())}</p>
    </article>
  );
}

/** 收缴情况报告: the year's totals per month. */
function ReportSheet({ grid, branchName }: { grid: DuesGrid; branchName: string }) {
  const summary = duesYearSummary(grid);
  return (
    <article className="print-sheet dues-sheet dues-report" aria-label="党费收缴情况报告">
      <h1>{branchName}</h1>
      <h2>{grid.year}年度党费收缴情况报告</h2>
      <p>
        本支部{grid.year}年度应交纳党费的党员{summary.members}名，全年应交党费{formatYuan(summary.owedFen)}，实交{formatYuan(summary.paidFen)}。各月收缴情况如下：
      </p>
      <table>
        <thead>
          <tr>
            <th>月份</th>
            <th>应交人数</th>
            <th>应交金额</th>
            <th>实交金额</th>
            <th>足额交纳人数</th>
            <th>未足额交纳人数</th>
          </tr>
        </thead>
        <tbody>
          {summary.months.map((m) => (
            <tr key={m.month}>
              <td className="center">{monthColumnLabel(m.month)}</td>
              <td className="num">{m.owing}</td>
              <td className="num">{formatYuan(m.owedFen)}</td>
              <td className="num">{formatYuan(m.paidFen)}</td>
              <td className="num">{m.paidInFull}</td>
              <td className="num">{m.unpaid}</td>
            </tr>
          ))}
          <tr>
            <th>合计</th>
            <td />
            <td className="num">{formatYuan(summary.owedFen)}</td>
            <td className="num">{formatYuan(summary.paidFen)}</td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
      <p className="dues-sheet-date">{formatDate(todayIso())}</p>
    </article>
  );
}

/** `/dues/print?year=2025&sheet=公示|报告`: laid out for A4, printed through the shared print frame. */
export function DuesPrintPage() {
  const branch = useBranch();
  const [params] = useSearchParams();
  const today = todayIso();
  const year = Number(params.get('year')) || Number(today.slice(0, 4));
  const sheet = oneOf(SHEETS, params.get('sheet'));
  const members = useMembers(branch.id);
  const payments = useDues(branch.id);
  const grid = useMemo(() => (members && payments ? duesGrid(members, payments, year, { today }) : undefined), [members, payments, year, today]);
  if (!sheet) {
    return <Result status="404" title="没有这种打印表" />;
  }
  if (!grid) {
    return <Spin />;
  }
  return (
    <div className="print-page">
      <PrintToolbar backTo={`/dues?year=${year}`} />
      {sheet === '公示' ? <NoticeSheet grid={grid} branchName={branch.name} /> : <ReportSheet grid={grid} branchName={branch.name} />}
    </div>
  );
}
