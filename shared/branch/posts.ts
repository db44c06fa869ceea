import { COMMITTEE_THRESHOLD, type Branch } from '../model/branch';
import type { CommitteeRole, PartyPost } from '../model/enums';

/**
 * 党内职务 has one source: 支部信息. A member's post is his or her role in the committee (书记, 副书记, 委员 …),
 * else 党小组长 for the leader of a 党小组, else 党员. The roster, the member's page, the exports, the 检查材料包
 * and the statistics all ask here; nothing stores a post of its own (an imported 党内职务 is not kept: the
 * committee, elected and recorded with its dates, wins over a copied roster column).
 */
const POST_OF_ROLE: Record<CommitteeRole, PartyPost> = {
  书记: '书记',
  副书记: '副书记',
  组织委员: '组织委员',
  宣传委员: '宣传委员',
  纪检委员: '纪检委员',
  其他委员: '其他委员',
};

export type PartyPostOf = (memberId: string) => PartyPost;

/** The post of every member of the branch, read from the committee and the 党小组 once. */
export function partyPostsOf(branch: Pick<Branch, 'committee' | 'partyGroups'>): PartyPostOf {
  const posts = new Map<string, PartyPost>();
  for (const group of branch.partyGroups) {
    if (group.leaderId) {
      posts.set(group.leaderId, '党小组长');
    }
  }
  // A 委员 who also leads a group is named by the higher post.
  for (const member of branch.committee.members) {
    posts.set(member.memberId, POST_OF_ROLE[member.role]);
  }
  return (memberId) => posts.get(memberId) ?? '党员';
}

/** One member's 党内职务. */
export function partyPostOf(memberId: string, branch: Pick<Branch, 'committee' | 'partyGroups'>): PartyPost {
  return partyPostsOf(branch)(memberId);
}

/** Whether the branch elects a 支部委员会 (7 正式党员 or more) or has only a 书记 and maybe a 副书记. */
export function hasCommittee(fullMembers: number): boolean {
  return fullMembers >= COMMITTEE_THRESHOLD;
}

/**
 * How 工作台 and 支部信息 name the committee alike: `支委会共 5 人`, or `不设支部委员会` below 7 正式党员
 * (with `，设副书记` when one is set). Undefined when there is nothing to add to the 书记.
 */
export function committeeSizeText(branch: Pick<Branch, 'committee'>, fullMembers: number): string | undefined {
  const size = branch.committee.members.length;
  if (!hasCommittee(fullMembers)) {
    return branch.committee.members.some((m) => m.role === '副书记') ? '不设支部委员会，设副书记' : '不设支部委员会';
  }
  return size > 1 ? `支委会共 ${size} 人` : undefined;
}

/** The column and field label of 党内职务 (no longer a stored member field). */
export const PARTY_POST_LABEL = '党内职务';
