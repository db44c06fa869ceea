import { Alert, Checkbox, Result, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { buildAnalysisReport, ENTRY_COLUMNS, omittedNote, reportFileName, STAT_COLUMNS, teamStatistics, type AnalysisReport } from '@shared/analyses';
import { isSensitiveState } from '@shared/model';
import { useBranch } from '../../components/BranchContext';
import { PrintToolbar } from '../../components/PrintToolbar';
import { useMembers } from '../../db';
import { useAnalysis, useAnalysisSettings } from '../../db/analysisHooks';
import { platform } from '../../platform';
import { useNameOf } from '../meetings/people';
import './print.css';

/** The report on A4: the same content as the Word document (both render AnalysisReport). */
export function ReportSheet({ report }: { report: AnalysisReport }) {
  return (
    <article className="print-sheet analysis-report" aria-label="思想动态分析报告">
      <h1 className="analysis-report-title">{report.title}</h1>
      <p className="analysis-report-branch">{report.branchName}</p>
      {report.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {section.subsections.map((sub) => (
            <div key={sub.heading}>
              <h3>{sub.heading}</h3>
              {sub.paragraphs.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
          ))}
        </section>
      ))}
      <footer className="analysis-report-signature">
        <div>{report.signature.branchName}</div>
        <div>{report.signature.date || '　　年　月　日'}</div>
      </footer>

      <section className="analysis-report-appendix">
        <h2 className="analysis-report-appendix-title">党员队伍状况分析</h2>
        <h3>{report.statisticsHeading}</h3>
        <div className="analysis-report-stats">
          {report.statistics.map((table) => (
            <table key={table.dimension} className="analysis-report-table" aria-label={`报告${table.title}`}>
              <caption>{table.title}</caption>
              <thead>
                <tr>
                  {STAT_COLUMNS.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.label}>
                    <td>{row.label}</td>
                    <td className="num">{row.count}</td>
                    <td className="num">{row.percent}%</td>
                  </tr>
                ))}
                <tr>
                  <th>合计</th>
                  <td className="num">{table.total}</td>
                  <td className="num">{table.total > 0 ? '100%' : '—'}</td>
                </tr>
              </tbody>
            </table>
          ))}
        </div>
        <h3>{report.entriesHeading}</h3>
        {report.entries.length > 0 ? (
          <table className="analysis-report-table analysis-report-entries" aria-label="报告党员思想状况一览">
            <thead>
              <tr>
                {ENTRY_COLUMNS.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.entries.map((e, i) => (
                <tr key={i}>
                  <td className="center">{e.name}</td>
                  <td className="center">{e.state}</td>
                  <td>{e.performance}</td>
                  <td>{e.details}</td>
                  <td>{e.problems}</td>
                  <td>{e.support}</td>
                  <td className="center">{e.talker}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          report.omittedSensitive === 0 && <p>本期未登记党员个人思想状况。</p>
        )}
        {report.omittedSensitive > 0 && <p className="analysis-report-note">{omittedNote(report.omittedSensitive)}</p>}
      </section>
    </article>
  );
}

/** `/analyses/:id/print`: the report laid out for A4, with 打印 and 下载Word (hidden when printed). */
export function AnalysisPrintPage() {
  const { id } = useParams();
  const branch = useBranch();
  const analysis = useAnalysis(id);
  const members = useMembers(branch.id);
  const settings = useAnalysisSettings();
  const nameOf = useNameOf(members);
  const [includeSensitive, setIncludeSensitive] = useState(false);

  const report = useMemo(
    () =>
      analysis && members && settings
        ? buildAnalysisReport(analysis, {
            branchName: branch.name,
            nameOf,
            statistics: teamStatistics(members, analysis.periodEnd, branch),
            settings,
            includeSensitive,
          })
        : undefined,
    [analysis, members, settings, branch, nameOf, includeSensitive],
  );

  if (analysis === null) {
    return <Result status="404" title="该思想动态分析不存在或已被删除" />;
  }
  if (!analysis || !report || !settings) {
    return <Spin />;
  }
  const sensitiveCount = analysis.entries.filter((e) => isSensitiveState(e.state, settings)).length;

  async function download() {
    if (!analysis || !report) {
      return;
    }
    // docx is large: it loads on the first download, not with the app.
    const { analysisReportDocx } = await import('@shared/documents/analysisReport');
    const data = await analysisReportDocx(report);
    await platform.saveFile({ suggestedName: reportFileName(branch.name, analysis), data, filters: [{ name: 'Word 文档', extensions: ['docx'] }] });
  }

  return (
    <div className="print-page">
      <div className="no-print" style={{ marginBottom: 16 }}>
        <PrintToolbar backTo={`/analyses/${analysis.id}`} download={download}>
          {sensitiveCount > 0 && (
            <Checkbox checked={includeSensitive} onChange={(e) => setIncludeSensitive(e.target.checked)}>
              包含需关注人员详情
            </Checkbox>
          )}
        </PrintToolbar>
        {includeSensitive && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={`报告将包含${sensitiveCount}名需关注党员的姓名和具体情况，请按保密要求妥善保管，不得随意传阅。`}
          />
        )}
      </div>
      <ReportSheet report={report} />
    </div>
  );
}
