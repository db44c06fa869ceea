import type { Branch } from '../model';

/** `2025年3月主题党日`: the title a new meeting starts with (the user may change it). */
export function defaultMeetingTitle(type: string, startDate: string, partyGroupName?: string): string {
  const [year, month] = startDate.slice(0, 7).split('-').map(Number);
  const period = `${year}年${month}月`;
  switch (type) {
    case '支部委员会':
      return `${period}支部委员会会议`;
    case '党小组会':
      return `${period}${partyGroupName ? `${partyGroupName}会` : '党小组会'}`;
    case '组织生活会':
      return `${year}年度组织生活会`;
    case '民主评议党员':
      return `${year}年度民主评议党员`;
    default:
      return `${period}${type}`;
  }
}

/**
 * 主持人 and 记录人 of a new meeting: 党员大会 and 支委会 are 书记召集主持 (支部条例 第十一、十二条), a 党小组会 is the
 * 组长's (第十四条); the 组织委员 keeps the record where there is one.
 */
export function defaultHostAndRecorder(
  type: string,
  branch: Pick<Branch, 'committee' | 'partyGroups'>,
  partyGroupId?: string,
): { hostId?: string; recorderId?: string } {
  const roleHolder = (role: string) => branch.committee.members.find((c) => c.role === role)?.memberId;
  if (type === '党小组会') {
    return { hostId: branch.partyGroups.find((g) => g.id === partyGroupId)?.leaderId };
  }
  const hostId = roleHolder('书记') ?? roleHolder('副书记');
  const recorderId = roleHolder('组织委员') ?? roleHolder('宣传委员') ?? roleHolder('副书记');
  return { hostId, recorderId: recorderId === hostId ? undefined : recorderId };
}
