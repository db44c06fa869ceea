import { Result, Spin } from 'antd';
import { useParams } from 'react-router';
import type { MeetingMinutes } from '@shared/meetings';
import { useBranch } from '../../components/BranchContext';
import { useMembers } from '../../db';
import { useMeeting, useRuleSettings } from '../../db/meetingHooks';
import { PrintToolbar } from '../../components/PrintToolbar';
import { downloadMinutes, useMeetingFacts } from './useMinutes';
import './print.css';

/** One page of the 会议记录本, the same content as the Word document (both render MeetingMinutes). */
export function MinutesSheet({ minutes }: { minutes: MeetingMinutes }) {
  return (
    <article className="print-sheet minutes-sheet" aria-label="会议记录本">
      <p className="minutes-branch">{minutes.branchName}</p>
      <h1 className="minutes-heading">{minutes.heading}</h1>
      <table className="minutes-fields">
        <colgroup>
          <col style={{ width: '18%' }} />
          <col style={{ width: '32%' }} />
          <col style={{ width: '18%' }} />
          <col style={{ width: '32%' }} />
        </colgroup>
        <tbody>
          {minutes.headerRows.map((row) => (
            <tr key={row.map((f) => f.label).join()}>
              {row.length >= 2 ? (
                row.slice(0, 2).map((field) => [
                  <th key={`${field.label}-label`} scope="row">
                    {field.label}
                  </th>,
                  <td key={`${field.label}-value`}>{field.value}</td>,
                ])
              ) : (
                <>
                  <th scope="row">{row[0].label}</th>
                  <td colSpan={3}>{row[0].value}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {minutes.topics.length > 0 && (
        <section>
          <h2>议题</h2>
          {minutes.topics.map((topic, index) => (
            <p key={index}>
              {index + 1}. {topic}
            </p>
          ))}
        </section>
      )}
      {minutes.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((p, index) => (
            <p key={index}>{p}</p>
          ))}
        </section>
      ))}
      {(minutes.resolutions.length > 0 || minutes.votingSummary.length > 0) && (
        <section>
          <h2>决议及表决情况</h2>
          {minutes.votingSummary.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {minutes.resolutions.map((r, index) => (
            <div key={index}>
              <p>
                {index + 1}. {r.text}
              </p>
              {(r.votes || r.verdict) && <p>表决情况：{[r.votes, r.verdict].filter(Boolean).join('；')}。</p>}
            </div>
          ))}
        </section>
      )}
      <footer className="minutes-signatures">
        {minutes.signatures.map((label) => (
          <span key={label}>
            {label}：<span className="minutes-signature-line" />
          </span>
        ))}
      </footer>
    </article>
  );
}

/** `/meetings/:id/print`: the record laid out for A4, with 打印 and 下载Word (hidden when printed). */
export function MeetingPrintPage() {
  const { id } = useParams();
  const branch = useBranch();
  const meeting = useMeeting(id);
  const members = useMembers(branch.id);
  const settings = useRuleSettings();
  const facts = useMeetingFacts(meeting, members, branch, settings);

  if (meeting === null) {
    return <Result status="404" title="该会议记录不存在或已被删除" />;
  }
  if (!meeting || !facts) {
    return <Spin />;
  }

  return (
    <div className="print-page">
      <div className="no-print" style={{ marginBottom: 16 }}>
        <PrintToolbar backTo={`/meetings/${meeting.id}`} download={() => downloadMinutes(meeting, facts.minutes)} />
      </div>
      <MinutesSheet minutes={facts.minutes} />
    </div>
  );
}
