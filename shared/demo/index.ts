import dayjs from 'dayjs';
import { addYears } from '../dates';
import type { Analysis, Branch, CommitteeMember, EducationLevel, Meeting, Member, Rectification, Talk } from '../model';
import { computeCheckChar } from '../model/idNumber';
import { generateDemoAnalyses } from './analyses';
import { generateDemoMeetings } from './meetings';
import { createRandom, type Random } from './random';
import { generateDemoRectifications, type DemoEvidenceFile } from './rectifications';
import { generateDemoTalks } from './talks';

/**
 * The deterministic demo branch: one seed and one "today" give the same records every time. The app's
 * 加载示例数据, the tests and the benchmarks all use it; each module adds its records here.
 */
export interface DemoOptions {
  seed?: number;
  /** `YYYY-MM-DD`; dates are laid out around it so that something is always due. */
  today: string;
  memberCount?: number;
  /** Several demo branches get different names. */
  branchNumber?: number;
}

export interface DemoDataset {
  branch: Branch;
  members: Member[];
  /** This year's meetings up to yesterday and last year's 组织生活会 and 民主评议党员 (see meetings.ts). */
  meetings: Meeting[];
  /** This year's 谈心谈话 up to yesterday (see talks.ts). */
  talks: Talk[];
  /** 整改任务 of the five areas: overdue, due soon, 已销号 with evidence, 长期坚持 (see rectifications.ts). */
  rectifications: Rectification[];
  /** The 佐证材料 files of the demo tasks, as metadata and text (the loader makes the Blobs). */
  evidence: DemoEvidenceFile[];
  /** 思想动态分析 of the two quarters before today, one member 需关注 (see analyses.ts). */
  analyses: Analysis[];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '梁', '宋', '郑', '谢', '曾', '单'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '志强', '晓燕', '海燕', '国庆', '立新', '雪梅', '文博', '思远', '佳怡'];
const NUMBERS_CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const JOBS = ['办公室主任', '综合科科长', '财务科科员', '人事科副科长', '政策法规科科员', '信息中心工程师', '业务一科科长', '业务二科科员', '机关服务中心职员', '办公室科员'];
const AREA_CODES = ['320102', '320104', '320105', '110105', '370202', '420106'];

function idNumberFor(random: Random, birthDate: string, gender: '男' | '女'): string {
  const area = random.pick(AREA_CODES);
  const order = random.int(0, 49) * 2 + (gender === '男' ? 1 : 0);
  const first17 = `${area}${birthDate.replace(/-/g, '')}${String(random.int(0, 9))}${String(order).padStart(2, '0').slice(-2)}`;
  return first17 + computeCheckChar(first17);
}

export function generateDemoBranch(options: DemoOptions): DemoDataset {
  const random = createRandom(options.seed ?? 20250305);
  const today = dayjs(options.today);
  const now = `${options.today}T09:00:00+08:00`;
  const branchId = random.uuid();
  const count = options.memberCount ?? 25;
  const number = NUMBERS_CN[((options.branchNumber ?? 1) - 1) % NUMBERS_CN.length];
  const groups = [
    { id: random.uuid(), name: '第一党小组' },
    { id: random.uuid(), name: '第二党小组' },
    { id: random.uuid(), name: '第三党小组' },
  ];

  const usedNames = new Set<string>();
  const members: Member[] = [];
  for (let i = 0; i < count; i += 1) {
    let name: string;
    do {
      name = random.pick(SURNAMES) + random.pick(GIVEN);
    } while (usedNames.has(name) && usedNames.size < SURNAMES.length * GIVEN.length);
    usedNames.add(name);
    const gender = random.chance(0.55) ? '男' : '女';
    const age = random.int(24, 58);
    const birthDate = today.subtract(age, 'year').subtract(random.int(0, 364), 'day').format('YYYY-MM-DD');
    // The last two are 预备党员: one due for 转正 within weeks, one joined half a year ago.
    const probationary = i >= count - 2;
    const joinedOn = probationary
      ? today.subtract(i === count - 1 ? 11 : 6, 'month').subtract(random.int(0, 20), 'day').format('YYYY-MM-DD')
      : dayjs(birthDate).add(random.int(20, Math.max(21, age - 2)), 'year').add(random.int(0, 300), 'day').format('YYYY-MM-DD');
    const joined = dayjs(joinedOn).isAfter(today.subtract(14, 'month')) && !probationary
      ? today.subtract(14, 'month').format('YYYY-MM-DD')
      : joinedOn;
    members.push({
      id: random.uuid(),
      branchId,
      createdAt: now,
      updatedAt: now,
      name,
      gender,
      ethnicity: random.chance(0.9) ? '汉族' : random.pick(['回族', '满族', '蒙古族', '壮族'] as const),
      birthDate,
      idNumber: idNumberFor(random, birthDate, gender),
      education: random.pick<EducationLevel>(['研究生', '大学本科', '大学本科', '大学本科', '大学专科']),
      joinedOn: joined,
      confirmedOn: probationary ? undefined : addYears(joined, 1),
      category: probationary ? '预备党员' : '正式党员',
      status: '正常',
      partyGroupId: groups[i % groups.length].id,
      jobTitle: random.pick(JOBS),
      phone: `13${random.int(0, 9)}${String(random.int(0, 99999999)).padStart(8, '0')}`,
      remarks: undefined,
      departure: undefined,
    });
  }

  const roles: CommitteeMember['role'][] = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员'];
  const committeeMembers: CommitteeMember[] = roles.map((role, index) => ({ memberId: members[index].id, role }));
  // Group leaders are the next three members.
  const partyGroups = groups.map((group, index) => {
    const leader = members[roles.length + index];
    leader.partyGroupId = group.id;
    return { ...group, leaderId: leader.id };
  });
  // The committee was elected two years and eight months ago: 届满 falls within the next six months.
  const electedOn = today.subtract(2, 'year').subtract(8, 'month').format('YYYY-MM-DD');

  const branch: Branch = {
    id: branchId,
    createdAt: now,
    updatedAt: now,
    name: `中共示例市民政局机关第${number}支部委员会`,
    parentOrganisation: '中共示例市民政局机关委员会',
    category: '党政机关',
    foundedOn: '2008-07-01',
    // The ledger is kept from the start of last year, so that the year before shows its gaps too.
    ledgerStartsOn: `${today.year() - 1}-01-01`,
    committee: {
      electedOn,
      approvedOn: dayjs(electedOn).add(12, 'day').format('YYYY-MM-DD'),
      approvalDocument: '示机党〔' + dayjs(electedOn).year() + '〕12号',
      termYears: 3,
      members: committeeMembers,
    },
    partyGroups,
    isDemo: true,
  };
  // Meetings and talks draw from their own sequence: adding them left the branch and members unchanged.
  const records = { branch, members, today: options.today, now, random: createRandom((options.seed ?? 20250305) ^ 0x5eed) };
  const meetings = generateDemoMeetings(records);
  const talks = generateDemoTalks(records);
  const { rectifications, evidence } = generateDemoRectifications({ branch, members }, { today: options.today, seed: options.seed });
  const analyses = generateDemoAnalyses({ branch, members, talks }, { today: options.today, seed: options.seed });
  return { branch, members, meetings, talks, rectifications, evidence, analyses };
}
