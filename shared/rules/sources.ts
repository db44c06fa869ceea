/**
 * Where each rule comes from, quoted in every finding (DOMAIN §1). Articles are of
 * 《中国共产党支部工作条例（试行）》 (2018) unless another regulation is named.
 */
const BRANCH_REGULATION = '《中国共产党支部工作条例（试行）》';

export const SOURCES = {
  /** 有正式党员3人以上的，都应当成立党支部; 党员人数一般不超过50人. */
  branchSetup: `${BRANCH_REGULATION}第四条`,
  /** 党员大会一般每季度召开1次; 表决: 半数以上有表决权的党员到会, 赞成超过应到会有表决权党员的半数. */
  partyCongress: `${BRANCH_REGULATION}第十一条`,
  /** 支委会一般每月召开1次; 半数以上委员到会方可进行. */
  committeeMeeting: `${BRANCH_REGULATION}第十二条`,
  /** 党小组会一般每月召开1次. */
  partyGroupMeeting: `${BRANCH_REGULATION}第十三条`,
  /** 三会一课: 按期上党课 (no branch-level count), 主题党日 每月相对固定1天. */
  partyLecture: `${BRANCH_REGULATION}第十六条`,
  themeDay: `${BRANCH_REGULATION}第十六条`,
  /** 组织生活会 每年至少召开1次. */
  orgLife: `${BRANCH_REGULATION}第十七条`,
  /** 民主评议党员 一般每年开展1次. */
  democraticReview: `${BRANCH_REGULATION}第十八条`,
  /** 支委之间、支委和党员之间、党员和党员之间 每年谈心谈话一般不少于1次. */
  talks: `${BRANCH_REGULATION}第十九条`,
  /** 7人以上设支委会 (3至5人, 一般不超过7人); 任期 3年 (村、社区 5年). */
  committeeSetup: `${BRANCH_REGULATION}第六章`,
  term: `${BRANCH_REGULATION}第六章；《中国共产党基层组织选举工作条例》第三条`,
  /** 预备期为一年，预备期满及时讨论转正. */
  probation: '《中国共产党章程》第七条',
  /** 预备党员、留党察看期间的党员没有表决权. */
  votingRights: '《中国共产党章程》第七条；《中国共产党基层组织选举工作条例》第五条',
  /** 少数服从多数: the 条例 sets no pass rule for 支委会 decisions. */
  majority: '《中国共产党章程》第十条（少数服从多数）',
  /** 六必谈 are local rules, not an article of the 条例. */
  mustTalk: '谈心谈话“六必谈”（地方党建工作制度）；' + `${BRANCH_REGULATION}第十九条`,
  /** The items of a member's record (DOMAIN §3.1): the 采集表 of the 全国党员管理信息系统. */
  memberRecords: '党员基本信息采集要求（全国党员管理信息系统《党员基本信息采集表》）',
  /** A stricter local floor, not an article. */
  localRule: '地方党组织常见要求（条例未规定具体次数）',
} as const;
