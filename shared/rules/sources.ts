/**
 * Where each rule comes from, quoted in every finding (DOMAIN §1). Articles are of
 * 《中国共产党支部工作条例（试行）》 (2018) unless another regulation is named.
 */
const BRANCH_REGULATION = '《中国共产党支部工作条例（试行）》';
const DUES_REGULATION = '《关于中国共产党党费收缴、使用和管理的规定》';

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
  /** 优秀 ≤ 1/3: the usual 组织部门 rule for 民主评议, not an article of the 条例. */
  reviewQuota: '民主评议党员有关规定（评定为优秀的党员一般不超过参评正式党员的三分之一）',
  /** 基本合格 → 限期改进; 不合格 → 教育转化, 限期改正, 劝退 or 除名 (党章 第九条). */
  reviewDisposal: '《中国共产党章程》第九条；民主评议党员有关规定（基本合格的限期改进，不合格的按规定组织处置）',
  /** 党员应按月交纳党费, at the table's rate (第一条–第六条), 预备党员 from 支部大会通过之日 (第八条). */
  duesMonthly: `${DUES_REGULATION}（党员应按月足额交纳党费）`,
  duesProbationary: `${DUES_REGULATION}第八条`,
  /** 无正当理由连续6个月不交纳党费 → 自行脱党. */
  duesSixMonths: '《中国共产党章程》第九条',
  /** 补交党费一般不超过6个月. */
  duesBackPay: `${DUES_REGULATION}（补交党费一般不超过6个月）`,
  /** 32 / 56 学时 a year. */
  trainingHours: '《2019—2023年全国党员教育培训工作规划》（党员每年集中学习培训不少于32学时，基层党组织书记和班子成员不少于56学时）',
  /** 每周一学: a local practice. */
  weeklyStudy: '地方党组织常见要求（“每周一学”，条例未规定）',
} as const;
