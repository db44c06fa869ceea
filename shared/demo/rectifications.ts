import dayjs from 'dayjs';
import type { AttachmentMeta } from '../model/attachment';
import type { Branch } from '../model/branch';
import type { Member } from '../model/member';
import type { Rectification, RectificationCategory, RectificationSource, RectificationStatus } from '../model/rectification';
import { encodeUtf8 } from '../text/encoding';
import { createRandom } from './random';

/**
 * Demo 整改任务 for a demo branch, laid out around "today" so that the 工作台 always has something to show:
 * two overdue, two due within 14 days, one 已销号 with its 佐证材料, one 长期坚持. The problems follow the five
 * areas of 机关党建 (政治、作风、纪律、组织、群团建设) and "层层落实整改措施".
 *
 * 佐证材料 come back as metadata plus the text of a small file: shared/ has no Blob, so the loader makes one
 * (`new Blob([file.text], { type: file.mimeType })`) and stores it with the metadata in `attachments`.
 */
export interface DemoEvidenceFile {
  meta: AttachmentMeta;
  text: string;
}

export interface DemoRectifications {
  rectifications: Rectification[];
  evidence: DemoEvidenceFile[];
}

export interface DemoRectificationOptions {
  /** `YYYY-MM-DD`, the same day the branch was generated for. */
  today: string;
  seed?: number;
}

interface Plan {
  source: RectificationSource;
  category: RectificationCategory;
  problem: string;
  goal: string;
  measures: string;
  /** Index into the committee (0 书记, 1 副书记, 2 组织委员, 3 宣传委员, 4 纪检委员). */
  owner: number;
  status: RectificationStatus;
  /** Days from today to 完成时限 (negative: overdue). */
  deadlineIn: number;
  /** Days before today the task was entered. */
  enteredAgo: number;
  progress: { daysAgo: number; text: string }[];
  outcome?: string;
  closedAgo?: number;
  evidenceName?: string;
}

const PLANS: Plan[] = [
  {
    source: '组织生活会',
    category: '政治建设',
    problem: '理论学习不够系统深入，学习习近平新时代中国特色社会主义思想存在“学用脱节”，结合业务工作研讨不够',
    goal: '理论学习制度化、常态化，每名党员年内撰写学习体会不少于2篇',
    measures: '制定年度学习计划，坚持每月集中学习1次；开展专题研讨2次；每季度检查党员学习笔记',
    owner: 3,
    status: '整改中',
    deadlineIn: -23,
    enteredAgo: 75,
    progress: [
      { daysAgo: 60, text: '已制定年度学习计划并印发各党小组' },
      { daysAgo: 30, text: '开展第一次专题研讨，12名党员交流发言' },
    ],
  },
  {
    source: '上级检查反馈',
    category: '作风建设',
    problem: '纠治“四风”常态化机制不健全，存在文件多、会议多，个别工作应付了事现象',
    goal: '精文减会，发文和会议数量同比减少10%以上',
    measures: '梳理全年会议和发文计划，合并同类会议；建立督查检查统筹机制；作风问题纳入支部季度点评',
    owner: 1,
    status: '整改中',
    deadlineIn: -6,
    enteredAgo: 50,
    progress: [{ daysAgo: 20, text: '已完成会议和发文计划梳理，合并会议3个' }],
  },
  {
    source: '民主评议',
    category: '纪律建设',
    problem: '警示教育形式较为单一，对《中国共产党纪律处分条例》学习不够深入',
    goal: '全体党员完成党规党纪学习测试，警示教育每半年至少1次',
    measures: '组织观看警示教育片；开展党章党规党纪知识测试；纪检委员讲廉政党课1次',
    owner: 4,
    status: '未启动',
    deadlineIn: 9,
    enteredAgo: 20,
    progress: [],
  },
  {
    source: '组织生活会',
    category: '组织建设',
    problem: '“三会一课”记录不够规范，个别会议记录缺少发言摘要和签到表',
    goal: '会议记录要素齐全，签到表、照片等材料归档完整',
    measures: '统一会议记录模板；组织委员每月检查会议记录；补齐缺失的签到表',
    owner: 2,
    status: '已完成待验收',
    deadlineIn: 5,
    enteredAgo: 70,
    progress: [
      { daysAgo: 55, text: '印发统一的会议记录模板' },
      { daysAgo: 10, text: '已补齐上季度会议签到表和照片' },
    ],
    outcome: '会议记录模板已统一，上季度会议材料全部补齐归档',
  },
  {
    source: '自查',
    category: '组织建设',
    problem: '党员思想动态分析不够经常，未做到每季度开展1次',
    goal: '每季度开展1次党员队伍思想动态分析并形成书面材料',
    measures: '将思想动态分析列入支委会季度议题；结合谈心谈话掌握党员思想状况',
    owner: 0,
    status: '已销号',
    deadlineIn: -40,
    enteredAgo: 120,
    progress: [
      { daysAgo: 100, text: '支委会研究确定思想动态分析工作安排' },
      { daysAgo: 50, text: '完成本季度思想动态分析并报机关党委' },
    ],
    outcome: '已按季度开展思想动态分析，形成书面分析报告并报机关党委备案',
    closedAgo: 45,
    evidenceName: '思想动态分析报告（本季度）.txt',
  },
  {
    source: '述职点评',
    category: '群团建设',
    problem: '群团组织桥梁纽带作用发挥不充分，为干部职工办实事不多',
    goal: '工会、团青、妇女组织年内各牵头办实事1件以上',
    measures: '支部听取群团组织工作汇报；开展文体活动和青年座谈会；建立干部职工需求清单',
    owner: 3,
    status: '整改中',
    deadlineIn: 40,
    enteredAgo: 30,
    progress: [{ daysAgo: 7, text: '已收集干部职工需求18条，形成需求清单' }],
  },
  {
    source: '主题教育检视',
    category: '作风建设',
    problem: '作风建设存在松劲心态，对形式主义、官僚主义新表现警惕不够',
    goal: '作风建设常态化，驰而不息、久久为功',
    measures: '每季度开展一次作风问题自查；落实“作风建设永远在路上”要求，层层落实整改责任',
    owner: 0,
    status: '长期坚持',
    deadlineIn: -10,
    enteredAgo: 90,
    progress: [{ daysAgo: 15, text: '完成本季度作风问题自查，未发现新问题' }],
  },
  {
    source: '巡视巡察',
    category: '政治建设',
    problem: '党建工作宣传力度不够，未形成浓厚的党建氛围',
    goal: '党建园地每月更新，支部工作动态及时报送',
    measures: '更新党建园地；明确宣传委员负责信息报送；每季度报送党建信息不少于2篇',
    owner: 3,
    status: '整改中',
    deadlineIn: 12,
    enteredAgo: 40,
    progress: [{ daysAgo: 12, text: '党建园地已完成改版' }],
  },
];

/** `dataset` is a DemoDataset (not imported from ./index, which will import this file). */
export function generateDemoRectifications(dataset: { branch: Branch; members: readonly Member[] }, options: DemoRectificationOptions): DemoRectifications {
  const random = createRandom((options.seed ?? 20250305) + 7919);
  const today = dayjs(options.today);
  const day = (offset: number) => today.add(offset, 'day').format('YYYY-MM-DD');
  const { branch, members } = dataset;
  const nameOfRole = (index: number) => {
    const id = branch.committee.members[index]?.memberId ?? members[index]?.id;
    return members.find((m) => m.id === id)?.name ?? members[0]?.name;
  };
  const secretary = nameOfRole(0);
  const deputy = nameOfRole(1);

  const rectifications: Rectification[] = [];
  const evidence: DemoEvidenceFile[] = [];
  for (const plan of PLANS) {
    const id = random.uuid();
    const entered = `${day(-plan.enteredAgo)}T09:00:00+08:00`;
    const closed = plan.status === '已销号';
    rectifications.push({
      id,
      branchId: branch.id,
      createdAt: entered,
      updatedAt: entered,
      source: plan.source,
      category: plan.category,
      problem: plan.problem,
      goal: plan.goal,
      measures: plan.measures,
      leader: secretary,
      owner: nameOfRole(plan.owner),
      deadline: day(plan.deadlineIn),
      progress: plan.progress.map((p) => ({ date: day(-p.daysAgo), text: p.text })),
      outcome: plan.outcome,
      status: plan.status,
      closedOn: closed ? day(-(plan.closedAgo ?? 0)) : undefined,
      // The 书记 owns this one, so the 副书记 checks it.
      reviewer: closed ? (plan.owner === 0 ? deputy : secretary) : undefined,
      origin: undefined,
    });
    if (plan.evidenceName) {
      const text = `${plan.evidenceName.replace(/\.txt$/, '')}\n\n${plan.outcome ?? ''}\n（示例数据）\n`;
      evidence.push({
        meta: {
          id: random.uuid(),
          branchId: branch.id,
          ownerTable: 'rectifications',
          ownerId: id,
          name: plan.evidenceName,
          mimeType: 'text/plain',
          size: encodeUtf8(text).length,
          kind: '佐证材料',
          createdAt: `${day(-(plan.closedAgo ?? 0) - 1)}T16:00:00+08:00`,
        },
        text,
      });
    }
  }
  return { rectifications, evidence };
}
