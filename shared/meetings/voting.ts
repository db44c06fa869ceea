import type { QuorumResult } from '../rules/quorum';

export interface VotingText {
  /** 到会 lines with the article, for a 党员大会 or 支委会; empty for other meetings. */
  lines: string[];
  /** Per resolution: 通过 / 未通过 and the votes needed; undefined where nothing can be said. */
  verdicts: (string | undefined)[];
}

/**
 * The quorum and pass results of shared/rules in the words of a 记录本: shown in the detail view and written
 * into the print view and the Word document alike.
 */
export function votingText(result: QuorumResult): VotingText {
  if (result.kind !== 'partyCongress' && result.kind !== 'committee') {
    return { lines: [], verdicts: result.resolutions.map(() => undefined) };
  }
  const who = result.kind === 'partyCongress' ? '有表决权的党员（正式党员）' : '支部委员';
  const lines: string[] = [];
  if (!result.attendanceRecorded) {
    lines.push(`${who}应到${result.votingExpected}人；未登记出席情况，无法核对到会人数（${result.source}）。`);
  } else {
    const verdict = result.quorumMet
      ? result.kind === 'partyCongress'
        ? '超过半数，可以进行表决'
        : '超过半数，会议有效'
      : result.kind === 'partyCongress'
        ? '未达到规定人数，不能进行表决'
        : '未达到规定人数，会议不能进行';
    // Counts only: say the figures are the ledger's, as no names were imported.
    const basis = result.countsOnly ? '按台账人数核对（出席名单未导入），' : '';
    lines.push(
      `${basis}${who}应到${result.votingExpected}人，实到${result.votingPresent}人，须至少${result.quorumNeeded}人到会：${verdict}（${result.source}）。`,
    );
  }
  const verdicts = result.resolutions.map((r) => {
    if (r.passed === null || r.votesNeeded === null) {
      return undefined;
    }
    if (result.quorumMet === false) {
      return '未通过（到会人数不足，表决无效）';
    }
    return `${r.passed ? '通过' : '未通过'}（赞成须至少${r.votesNeeded}票，${result.source}）`;
  });
  return { lines, verdicts };
}
