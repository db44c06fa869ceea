import { useMemo } from 'react';
import { buildMinutes, minutesFileName, votingText, type MeetingMinutes, type MinutesOptions, type VotingText } from '@shared/meetings';
import type { Branch, Meeting, Member } from '@shared/model';
import { quorumOf, type QuorumResult } from '@shared/rules/quorum';
import type { RuleSettings } from '@shared/rules/settings';
import { platform } from '../../platform';
import { useNameOf } from './people';

export interface MeetingFacts {
  quorum: QuorumResult;
  voting: VotingText;
  minutes: MeetingMinutes;
  options: MinutesOptions;
}

/** Quorum, votes and the 记录本 layout of one meeting; undefined until members and settings are loaded. */
export function useMeetingFacts(
  meeting: Meeting | null | undefined,
  members: Member[] | undefined,
  branch: Branch,
  settings: RuleSettings | undefined,
): MeetingFacts | undefined {
  const nameOf = useNameOf(members);
  return useMemo(() => {
    if (!meeting || !members || !settings) {
      return undefined;
    }
    const quorum = quorumOf(meeting, members, branch, settings);
    const voting = votingText(quorum);
    const options: MinutesOptions = {
      branchName: branch.name,
      nameOf,
      partyGroupName: branch.partyGroups.find((g) => g.id === meeting.partyGroupId)?.name,
      votingSummary: voting.lines,
      verdicts: voting.verdicts,
    };
    return { quorum, voting, options, minutes: buildMinutes(meeting, options) };
  }, [meeting, members, branch, settings, nameOf]);
}

/** The same record as the print view, as a .docx: `2025-03-05_支部党员大会_<会议名称>.docx`. */
export async function downloadMinutes(meeting: Meeting, minutes: MeetingMinutes): Promise<void> {
  // docx is large: it loads on the first download, not with the app.
  const { meetingMinutesDocx } = await import('@shared/documents/meetingMinutes');
  const data = await meetingMinutesDocx(minutes);
  await platform.saveFile({
    suggestedName: minutesFileName(meeting),
    data,
    filters: [{ name: 'Word 文档', extensions: ['docx'] }],
  });
}
