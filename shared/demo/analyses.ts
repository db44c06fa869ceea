import dayjs from 'dayjs';
import { previousRegularPeriod, regularPeriodOf, type RegularPeriod } from '../analyses/periods';
import type { Analysis, AnalysisEntry } from '../model/analysis';
import type { Branch } from '../model/branch';
import type { Member } from '../model/member';
import type { Talk } from '../model/talk';
import { isOnRoster } from '../rules/roster';
import { createRandom } from './random';

/**
 * Demo 思想动态分析 for a demo branch: the two quarters before today's, the later one started as a copy of the
 * earlier (previousId) with two changes, so that 对比上期 has something to show. Six members each; in the later
 * quarter one is 需关注 (chosen among those with no talk after its 报送日期, so the 工作台 lists him or her);
 * today's quarter is left for the user (analysis.due shows it as running).
 */
export interface DemoAnalysisOptions {
  /** `YYYY-MM-DD`, the same day the branch was generated for. */
  today: string;
  seed?: number;
}

const METHODS = ['谈心谈话', '座谈交流', '日常观察'];

const TEXT = {
  overall: '本季度支部党员思想总体稳定，政治立场坚定，工作积极性较高，能够较好地完成各项工作任务。',
  political:
    '党员能够自觉学习习近平新时代中国特色社会主义思想，坚决拥护“两个确立”、做到“两个维护”，在政治立场、政治方向上同党中央保持高度一致。',
  work: '大多数党员爱岗敬业，在重点工作中主动担当；少数党员面对繁重任务存在畏难情绪。',
  interests: '部分青年党员关注职务职级晋升、子女入学等问题；老同志关注身体健康和退休待遇。',
  social: '党员对社会热点问题关注度较高，能够理性看待，网上言行总体规范。',
  tendencies: '个别党员参加组织生活不够经常，学习存在“学用脱节”现象。',
  causes: '一是工作任务繁重，学习时间难以保证；二是思想政治工作针对性不强，谈心谈话深度不够。',
  measures: '一是坚持“三会一课”，提高组织生活质量；二是书记与需关注党员逐一谈心谈话，落实帮扶措施；三是关心关爱青年党员，帮助解决实际困难。',
};

interface EntryPlan {
  state: string;
  performance: string;
  details: string;
  problems?: string;
  support?: string;
}

const STABLE: EntryPlan[] = [
  { state: '稳定', performance: '优秀', details: '工作主动，带头完成重点任务。' },
  { state: '稳定', performance: '良好', details: '按时参加组织生活，学习认真。' },
  { state: '较稳定', performance: '良好', details: '工作任务较重，偶有急躁情绪。', problems: '学习时间不足。', support: '合理安排工作，鼓励参加集中学习。' },
  { state: '稳定', performance: '良好', details: '服从工作安排，团结同事。' },
  { state: '较稳定', performance: '一般', details: '新调整岗位，仍在适应。', problems: '业务不够熟悉。', support: '安排老同志结对帮带。' },
  { state: '稳定', performance: '优秀', details: '积极参加志愿服务。' },
];

const ATTENTION: EntryPlan = {
  state: '需关注',
  performance: '一般',
  details: '家中老人患病住院，近期情绪低落，工作中出现差错。',
  problems: '家庭负担重，思想压力大。',
  support: '书记谈心谈话，协调调整工作安排，党小组定期看望。',
};

/** Absent fields are left out, as the schema stores them. */
function compact<T extends object>(value: T): T {
  // Object.fromEntries forgets the keys' types; only undefined fields were dropped, which T allows to be absent.
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function entryOf(memberId: string, plan: EntryPlan, talkerId: string | undefined): AnalysisEntry {
  return compact({
    memberId,
    state: plan.state,
    performance: plan.performance,
    details: plan.details,
    problems: plan.problems,
    support: plan.support,
    talkerId,
  });
}

export function generateDemoAnalyses(
  dataset: { branch: Branch; members: readonly Member[]; talks?: readonly Talk[] },
  options: DemoAnalysisOptions,
): Analysis[] {
  const random = createRandom((options.seed ?? 20250305) + 4099);
  const { branch, members } = dataset;
  const talks = dataset.talks ?? [];
  const later = previousRegularPeriod(regularPeriodOf('季度', options.today));
  const earlier = previousRegularPeriod(later);
  const submitted = (period: RegularPeriod) => {
    const day = dayjs(period.end).add(5, 'day').format('YYYY-MM-DD');
    return day <= options.today ? day : undefined;
  };
  const committee = new Set(branch.committee.members.map((c) => c.memberId));
  const secretary = branch.committee.members.find((c) => c.role === '书记')?.memberId;
  const deputy = branch.committee.members.find((c) => c.role === '副书记')?.memberId ?? secretary;
  // Plain members on the roster at both quarters' ends, in roster order.
  const chosen = members.filter((m) => !committee.has(m.id) && isOnRoster(m, earlier.end) && isOnRoster(m, later.end)).slice(0, STABLE.length);
  if (chosen.length === 0) {
    return [];
  }
  const laterSubmitted = submitted(later) ?? later.end;
  const talkedAfter = (id: string) => talks.some((t) => t.date > laterSubmitted && (t.talkerId === id || t.intervieweeIds.includes(id)));
  // The 需关注 one: the first (from the third on) with no talk after the later 报送日期, else the third.
  const candidate = chosen.findIndex((m, i) => i >= 2 && !talkedAfter(m.id));
  const attentionIndex = Math.min(chosen.length - 1, candidate >= 0 ? candidate : 2);

  const earlierEntries = chosen.map((m, i) => entryOf(m.id, STABLE[i], i % 2 === 0 ? secretary : deputy));
  const laterEntries = earlierEntries.map((e, i) => {
    if (i === attentionIndex) {
      return entryOf(e.memberId, ATTENTION, secretary);
    }
    if (e.state === '较稳定' && i !== attentionIndex) {
      // Settled in: 较稳定 → 稳定.
      return compact({ ...e, state: '稳定', problems: undefined, support: undefined, details: '已适应岗位，工作状态良好。' });
    }
    return { ...e };
  });

  const talkIdsIn = (period: RegularPeriod) => talks.filter((t) => t.date >= period.start && t.date <= period.end).slice(0, 5).map((t) => t.id);
  const make = (period: RegularPeriod, entries: AnalysisEntry[], extra: Partial<Analysis>): Analysis => {
    const submittedOn = submitted(period);
    const at = `${submittedOn ?? period.end}T16:00:00+08:00`;
    return compact({
      id: random.uuid(),
      branchId: branch.id,
      createdAt: at,
      updatedAt: at,
      periodKind: '季度',
      periodStart: period.start,
      periodEnd: period.end,
      methods: METHODS,
      participants: members.filter((m) => isOnRoster(m, period.end)).length,
      overall: TEXT.overall,
      political: TEXT.political,
      work: TEXT.work,
      interests: TEXT.interests,
      social: TEXT.social,
      tendencies: TEXT.tendencies,
      causes: TEXT.causes,
      measures: TEXT.measures,
      submittedOn,
      entries,
      talkIds: talkIdsIn(period),
      rectificationIds: [],
      ...extra,
    });
  };
  const first = make(earlier, earlierEntries, {});
  const second = make(later, laterEntries, { previousId: first.id });
  return [first, second];
}
