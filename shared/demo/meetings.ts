import type { Attendance, Branch, Meeting, Member, Resolution, Speech } from '../model';
import { firstFriday, presentOn, workday } from './calendar';
import type { Random } from './random';

/**
 * The demo branch's meetings: this year up to (not including) today, most of what the 条例 requires held, with a
 * few gaps for 工作台 to show — plus last year's 组织生活会 and 民主评议党员.
 *
 * - 主题党日 on the first Friday of every month; 党小组会 of each group every month (第三党小组 misses one).
 * - 支部委员会 every past month but one (the month before last); none yet this month. One of them lacked its
 *   quorum (3 of 5 委员 away on business).
 * - 支部党员大会 in every past quarter (the first with a vote); this quarter's is left to the user.
 * - 党课 every quarter, except the one before this (when that is not the first half of the year): a gap under
 *   the default 每季度 floor that disappears under 每半年.
 * - Last December: 组织生活会, and 民主评议党员 held as a 党员大会 with its vote on the 评定意见.
 */

export interface DemoRecordsContext {
  branch: Branch;
  members: readonly Member[];
  /** `YYYY-MM-DD`: nothing is dated on or after it. */
  today: string;
  /** createdAt / updatedAt of every record. */
  now: string;
  random: Random;
}

const LEAVE_REASONS = ['出差', '病假', '参加上级培训', '外出执行任务', '事假'] as const;
const LOCATIONS = { hall: '党员活动室', room: '二楼小会议室' } as const;

const THEME_DAYS = [
  '重温入党誓词，学习新修订的党内法规',
  '学雷锋志愿服务进社区',
  '参观廉政教育基地，开展警示教育',
  '清明祭英烈，缅怀革命先烈',
  '“五四”青年党员座谈交流',
  '集中学习党的理论创新成果',
  '庆祝建党纪念日，重温入党初心',
  '走访慰问困难党员和退役军人',
  '“我为群众办实事”实践活动',
  '观看爱国主义教育影片',
  '学习身边先进典型事迹',
  '年终学习总结交流',
];

const LECTURE_TOPICS = [
  '坚定理想信念，筑牢思想根基',
  '加强作风建设，密切联系群众',
  '严守纪律规矩，锤炼党性修养',
  '担当作为干实事，推动工作高质量发展',
];

const COMMITTEE_TOPICS = [
  '研究本月“三会一课”和主题党日安排',
  '研究发展党员和预备党员教育考察工作',
  '研究党费收缴和党员管理有关事项',
  '分析党员思想状况，研究谈心谈话安排',
  '研究落实上级党组织部署的重点工作',
  '通报本支部近期工作，研究整改事项',
];

const GROUP_STUDY = [
  '学习《中国共产党支部工作条例（试行）》',
  '交流学习党的理论创新成果体会',
  '学习党章和党内法规',
  '结合岗位工作开展批评与自我批评',
  '学习上级会议和文件精神',
];

function at(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

interface Cast {
  secretaryId: string;
  recorderId?: string;
  committeeIds: string[];
}

function castOf(branch: Branch): Cast {
  const role = (r: string) => branch.committee.members.find((c) => c.role === r)?.memberId;
  const secretaryId = role('书记') ?? branch.committee.members[0]?.memberId ?? '';
  return {
    secretaryId,
    recorderId: role('组织委员') ?? role('宣传委员'),
    committeeIds: branch.committee.members.map((c) => c.memberId),
  };
}

/**
 * Everyone expected at a meeting, `leaves` of them (never those in `keep`: the 主持人 and 记录人) on leave.
 * A whole-branch meeting has 0, 1 or 3 away, never exactly two.
 */
function attendanceOf(random: Random, ids: readonly string[], leaves: number, keep: readonly (string | undefined)[]): Attendance[] {
  const candidates = ids.filter((id) => !keep.includes(id));
  const away = new Set<string>();
  while (away.size < Math.min(leaves, candidates.length)) {
    away.add(random.pick(candidates));
  }
  return ids.map((memberId) =>
    away.has(memberId) ? { memberId, state: '请假' as const, reason: random.pick(LEAVE_REASONS) } : { memberId, state: '出席' as const },
  );
}

function wholeBranchLeaves(random: Random): number {
  return random.pick([0, 1, 1, 3]);
}

/** 表决: 正式党员 on the day (a 转正 voted that very day does not count yet). */
function voters(members: readonly Member[], attendance: readonly Attendance[], date: string): number {
  const byId = new Map(members.map((m) => [m.id, m]));
  return attendance.filter((a) => {
    const member = byId.get(a.memberId);
    return a.state === '出席' && member?.confirmedOn !== undefined && member.confirmedOn < date;
  }).length;
}

function speechesOf(random: Random, attendance: readonly Attendance[], texts: readonly string[]): Speech[] {
  const present = attendance.filter((a) => a.state === '出席').map((a) => a.memberId);
  const speakers = new Set<string>();
  while (speakers.size < Math.min(texts.length, present.length)) {
    speakers.add(random.pick(present));
  }
  return [...speakers].map((speakerId, i) => ({ speakerId, text: texts[i] }));
}

export function generateDemoMeetings(context: DemoRecordsContext): Meeting[] {
  const { branch, members, today, now, random } = context;
  const year = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const thisQuarter = Math.ceil(thisMonth / 3);
  const cast = castOf(branch);
  const meetings: Meeting[] = [];
  const rosterOn = (date: string) => members.filter((m) => presentOn(m, date)).map((m) => m.id);

  const add = (fields: Omit<Meeting, 'id' | 'branchId' | 'createdAt' | 'updatedAt' | 'alsoCountsAs' | 'speeches' | 'resolutions'> & Partial<Meeting>) => {
    meetings.push({
      id: random.uuid(),
      branchId: branch.id,
      createdAt: now,
      updatedAt: now,
      alsoCountsAs: [],
      speeches: [],
      resolutions: [],
      ...fields,
    });
  };

  // ── Last year: 组织生活会 and 民主评议党员 (the latter as a 党员大会 that votes on the 评定意见) ───────────
  const lastYear = year - 1;
  const orgLifeDate = workday(lastYear, 12, 18);
  const orgLifeAttendance = attendanceOf(random, rosterOn(orgLifeDate), wholeBranchLeaves(random), [cast.secretaryId, cast.recorderId]);
  add({
    type: '组织生活会',
    title: `${lastYear}年度组织生活会`,
    startAt: at(orgLifeDate, '09:00'),
    endAt: at(orgLifeDate, '11:30'),
    location: LOCATIONS.hall,
    hostId: cast.secretaryId,
    recorderId: cast.recorderId,
    attendance: orgLifeAttendance,
    topics: ['支部委员会报告年度工作，书记带头检视问题', '党员逐一开展批评与自我批评', '明确整改方向和措施'],
    studyContent: '会前集中学习党章和《中国共产党支部工作条例（试行）》，开展谈心谈话，征求意见建议。',
    speeches: speechesOf(random, orgLifeAttendance, [
      '对照党章党规查摆自身在理论学习方面的不足，表示今后要做到学用结合。',
      '提醒同志们在工作作风上要更加深入基层、贴近群众。',
      '谈了自己在服务意识方面存在的问题和整改打算。',
    ]),
    content: '会议按程序进行，批评与自我批评开门见山，达到了红红脸、出出汗的效果。会后形成问题清单并明确整改时限。',
  });

  const reviewDate = workday(lastYear, 12, 25);
  const reviewAttendance = attendanceOf(random, rosterOn(reviewDate), wholeBranchLeaves(random), [cast.secretaryId, cast.recorderId]);
  const reviewVoters = voters(members, reviewAttendance, reviewDate);
  add({
    type: '民主评议党员',
    alsoCountsAs: ['支部党员大会'],
    title: `${lastYear}年度民主评议党员`,
    startAt: at(reviewDate, '15:00'),
    endAt: at(reviewDate, '17:30'),
    location: LOCATIONS.hall,
    hostId: cast.secretaryId,
    recorderId: cast.recorderId,
    attendance: reviewAttendance,
    topics: ['党员个人自评', '党员互评', '民主测评', '支部党员大会审议评定意见'],
    content: '按照个人自评、党员互评、民主测评的程序开展民主评议，预备党员参加评议但不确定等次。',
    resolutions: [
      {
        text: `通过${lastYear}年度民主评议党员评定意见`,
        votesFor: Math.max(0, reviewVoters - 1),
        votesAgainst: 0,
        abstentions: reviewVoters > 0 ? 1 : 0,
      },
    ],
  });

  // ── This year, month by month up to yesterday ─────────────────────────────────────────────────────────────
  const committeeSkipped = thisMonth - 1 >= 2 ? thisMonth - 2 : undefined;
  const committeeWithoutQuorum = thisMonth - 3 >= 1 ? thisMonth - 3 : undefined;
  const groupSkipped = thisMonth - 4 >= 1 ? thisMonth - 4 : undefined;

  for (let month = 1; month <= thisMonth; month += 1) {
    // 主题党日: the first Friday.
    const themeDate = firstFriday(year, month);
    if (themeDate < today) {
      const attendance = attendanceOf(random, rosterOn(themeDate), wholeBranchLeaves(random), [cast.secretaryId, cast.recorderId]);
      add({
        type: '主题党日',
        title: `${month}月主题党日：${THEME_DAYS[month - 1]}`,
        startAt: at(themeDate, '09:00'),
        endAt: at(themeDate, '11:30'),
        location: LOCATIONS.hall,
        hostId: cast.secretaryId,
        recorderId: cast.recorderId,
        attendance,
        topics: [THEME_DAYS[month - 1], '集中交纳党费'],
        content: `全体党员参加${THEME_DAYS[month - 1]}活动，活动后交流体会。`,
      });
    }

    // 支部委员会: every past month but one; this month's not yet.
    if (month < thisMonth && month !== committeeSkipped) {
      const date = workday(year, month, 10);
      const lacking = month === committeeWithoutQuorum;
      const committee = cast.committeeIds.filter((id) => members.some((m) => m.id === id && presentOn(m, date)));
      const attendance = attendanceOf(random, committee, lacking ? 3 : random.int(0, 1), [cast.secretaryId, cast.recorderId]);
      add({
        type: '支部委员会',
        title: `${year}年${month}月份支委会`,
        startAt: at(date, '09:00'),
        endAt: at(date, '10:30'),
        location: LOCATIONS.room,
        hostId: cast.secretaryId,
        recorderId: cast.recorderId,
        attendance,
        topics: [COMMITTEE_TOPICS[(month - 1) % COMMITTEE_TOPICS.length]],
        content: lacking
          ? '因多名委员外出，到会委员未过半数，会议仅通报情况，有关事项待下次支委会研究。'
          : '委员逐项讨论，形成一致意见，明确责任分工和完成时限。',
      });
    }

    // 党小组会: each group, around the middle of the month.
    branch.partyGroups.forEach((group, index) => {
      const date = workday(year, month, 14 + index);
      if (date >= today || (index === 2 && month === groupSkipped)) {
        return;
      }
      const groupIds = members.filter((m) => m.partyGroupId === group.id && presentOn(m, date)).map((m) => m.id);
      if (groupIds.length === 0) {
        return;
      }
      const recorderId = groupIds.find((id) => id !== group.leaderId && !cast.committeeIds.includes(id));
      const study = GROUP_STUDY[(month + index) % GROUP_STUDY.length];
      add({
        type: '党小组会',
        title: `${group.name}${month}月学习会`,
        startAt: at(date, '15:00'),
        endAt: at(date, '16:30'),
        location: LOCATIONS.room,
        hostId: group.leaderId,
        recorderId,
        partyGroupId: group.id,
        attendance: attendanceOf(random, groupIds, random.int(0, 1), [group.leaderId, recorderId]),
        topics: [study],
        studyContent: `${study}。`,
        content: '小组成员结合本职工作逐一发言，交流学习体会。',
      });
    });
  }

  // ── Quarters: 支部党员大会 (past quarters) and 党课 ─────────────────────────────────────────────────────────
  for (let quarter = 1; quarter <= thisQuarter; quarter += 1) {
    if (quarter < thisQuarter) {
      const date = workday(year, quarter * 3 - 1, 20);
      const attendance = attendanceOf(random, rosterOn(date), wholeBranchLeaves(random), [cast.secretaryId, cast.recorderId]);
      const resolutions: Resolution[] = [];
      if (quarter === 1) {
        const votes = voters(members, attendance, date);
        resolutions.push({ text: `审议通过《支部${year}年党建工作计划》`, votesFor: Math.max(0, votes - 1), votesAgainst: 0, abstentions: votes > 0 ? 1 : 0 });
      }
      add({
        type: '支部党员大会',
        title: `${year}年第${'一二三四'[quarter - 1]}季度支部党员大会`,
        startAt: at(date, '09:30'),
        endAt: at(date, '11:30'),
        location: LOCATIONS.hall,
        hostId: cast.secretaryId,
        recorderId: cast.recorderId,
        attendance,
        topics: quarter === 1 ? [`审议支部${year}年党建工作计划`, '通报上季度支部工作'] : ['通报上季度支部工作', '部署本季度重点任务'],
        studyContent: '集中学习上级党组织有关会议和文件精神。',
        speeches: speechesOf(random, attendance, ['结合分管工作谈了贯彻落实的具体举措。', '建议进一步丰富主题党日活动形式。']),
        content: '书记通报支部工作情况，与会党员进行了讨论。',
        resolutions,
      });
    }

    const lectureSkipped = quarter === thisQuarter - 1 && thisQuarter >= 3;
    const lectureDate = workday(year, quarter * 3 - 2, 22);
    if (!lectureSkipped && lectureDate < today) {
      const topic = LECTURE_TOPICS[quarter - 1];
      add({
        type: '党课',
        title: `${year}年第${'一二三四'[quarter - 1]}季度党课：${topic}`,
        startAt: at(lectureDate, '15:00'),
        endAt: at(lectureDate, '16:30'),
        location: LOCATIONS.hall,
        hostId: cast.secretaryId,
        recorderId: cast.recorderId,
        attendance: attendanceOf(random, rosterOn(lectureDate), wholeBranchLeaves(random), [cast.secretaryId, cast.recorderId]),
        topics: [topic],
        content: `书记以“${topic}”为题讲专题党课。`,
      });
    }
  }

  return meetings.sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : 0));
}
