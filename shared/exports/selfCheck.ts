import type { Workbook } from 'exceljs';
import { meetingMatrix, MEETING_REQUIREMENTS } from '../rules/meetings';
import { periodLabel } from '../rules/periods';
import { ANALYSIS_SOURCE } from '../rules/analyses';
import { RECTIFICATION_SOURCES_TEXT } from '../rules/rectifications';
import { DEFAULT_RULE_SETTINGS, frequencyLabel, type RuleSettings } from '../rules/settings';
import { SOURCES } from '../rules/sources';
import { coverageView, talkCoverage } from '../rules/talks';
import { RULE_IDS, RULE_LABELS, type Finding, type RuleId, type RuleInput, type Severity } from '../rules/types';
import { ruleInputFor } from '../rules/input';
import { DEFAULT_DUES_SETTINGS } from '../dues/settings';
import { DEFAULT_TRAINING_SETTINGS } from '../training/settings';
import { addPackageCover, type PackageCover } from './packageCover';
import { addLedgerSheet, addRows, infoLine, newWorkbook, workbookBytes, WIDTH } from './sheet';
import type { ExportOptions, ExportPeriod, LedgerDataset } from './types';

/**
 * 00_自检报告: one row per rule (规则, 要求 with its article, 实际, 结论, 缺口明细) built from the findings of
 * shared/rules and the records, and a second sheet with every finding of the period.
 */

export type Conclusion = '符合' | '不符合' | '需注意' | '提醒' | '不检查';

export interface SelfCheckRow {
  rule: RuleId;
  label: string;
  requirement: string;
  source: string;
  actual: string;
  conclusion: Conclusion;
  gaps: string[];
}

const SEVERITY_LABELS: Record<Severity, string> = { error: '不符合', warning: '需注意', info: '提醒' };

/** The records each rule of a ledger kind reads: without them in the package, the rule is not judged. */
const KIND_TABLE_OF: Partial<Record<RuleId, 'reviews' | 'dues' | 'training'>> = {
  'review.missing': 'reviews',
  'review.excellentQuota': 'reviews',
  'review.disposal': 'reviews',
  'dues.mismatch': 'dues',
  'dues.unpaid': 'dues',
  'dues.lateBackPay': 'dues',
  'training.hours': 'training',
  'training.weeklyStudy': 'training',
};

/**
 * What each rule requires, in words, and whether it is judged (`unchecked` says why not); the meeting rules take
 * their frequency from the settings in use, 党费 and 学时 from theirs.
 */
function requirementOf(rule: RuleId, input: RuleInput): { text: string; source: string; checked: boolean; unchecked?: string } {
  const { settings } = input;
  const table = KIND_TABLE_OF[rule];
  if (table && input[table] === undefined) {
    return { ...requirementOf(rule, { ...input, [table]: [] }), checked: false, unchecked: '未包含该台账记录，未检查' };
  }
  const dues = input.duesSettings ?? DEFAULT_DUES_SETTINGS;
  const training = input.trainingSettings ?? DEFAULT_TRAINING_SETTINGS;
  const meeting = MEETING_REQUIREMENTS.find((r) => r.rule === rule);
  if (meeting) {
    const frequency = settings[meeting.setting];
    return { text: `${meeting.name}${frequencyLabel(frequency)}`, source: meeting.source, checked: frequency.enabled };
  }
  switch (rule) {
    case 'branch.setup':
      return {
        text: `正式党员${settings.minFullMembers}人以上成立党支部，党员一般不超过${settings.maxMembers}人；正式党员${settings.committeeFromFullMembers}人以上设支部委员会（不超过${settings.maxCommitteeSize}人）`,
        source: `${SOURCES.branchSetup}；${SOURCES.committeeSetup}`,
        checked: true,
      };
    case 'roster.incomplete':
      return { text: '党员花名册信息完整（性别、民族、出生日期、入党时间、党员类别、学历），公民身份号码通过校验', source: SOURCES.memberRecords, checked: true };
    case 'term.expiry':
      return { text: `支部委员会任期届满按期换届（任期${settings.termYears}年，届满前${settings.termWarningMonths}个月提醒）`, source: SOURCES.term, checked: true };
    case 'probation.due':
      return { text: '预备期满一年及时讨论转正', source: SOURCES.probation, checked: true };
    case 'meeting.quorum':
      return { text: '党员大会、支委会应到会人数过半方可进行，表决赞成票超过应到会有表决权人数的半数', source: `${SOURCES.partyCongress}；${SOURCES.committeeMeeting}`, checked: true };
    case 'talk.coverage':
      return { text: `支委之间、支委和党员之间、党员和党员之间每年谈心谈话一般不少于${settings.talkMinPerPair}次`, source: SOURCES.talks, checked: true };
    case 'talk.mustTalk':
      return { text: `出现“六必谈”情形后${settings.mustTalk.graceDays}天内谈话`, source: SOURCES.mustTalk, checked: settings.mustTalk.enabled };
    case 'rectification.overdue':
      return { text: '整改任务在完成时限内完成', source: RECTIFICATION_SOURCES_TEXT.overdue, checked: true };
    case 'rectification.closedWithoutEvidence':
      return { text: '销号须有完成情况、佐证材料和审核人', source: RECTIFICATION_SOURCES_TEXT.closure, checked: true };
    case 'analysis.due':
      return { text: '按期开展党员思想动态分析', source: ANALYSIS_SOURCE, checked: true };
    case 'review.missing':
      return { text: '召开民主评议党员会议后，每名正式党员评定等次（预备党员不评定等次）', source: SOURCES.democraticReview, checked: true };
    case 'review.excellentQuota':
      return { text: '评定为优秀的党员一般不超过参评正式党员的三分之一', source: SOURCES.reviewQuota, checked: true };
    case 'review.disposal':
      return { text: '评定为基本合格、不合格的党员有处置措施', source: SOURCES.reviewDisposal, checked: true };
    case 'dues.mismatch':
      return { text: '按党费规定的基数和比例足额交纳党费', source: SOURCES.duesMonthly, checked: true };
    case 'dues.unpaid':
      return {
        text: `按月交纳党费（一年中${dues.unpaidWarnMonths}个月以上未交提醒，连续${dues.unpaidFlagMonths}个月未交列为问题）`,
        source: `${SOURCES.duesMonthly}；${SOURCES.duesSixMonths}`,
        checked: true,
      };
    case 'dues.lateBackPay':
      return { text: `补交党费一般不超过${dues.backPayMonths}个月`, source: SOURCES.duesBackPay, checked: true };
    case 'training.hours':
      return { text: `党员每年学习培训不少于${training.memberGoalHours}学时，书记和支委不少于${training.leaderGoalHours}学时`, source: SOURCES.trainingHours, checked: true };
    case 'training.weeklyStudy':
      return { text: '每周开展一次集中学习（每周一学）', source: SOURCES.weeklyStudy, checked: training.weeklyStudy.enabled };
    default:
      return { text: RULE_LABELS[rule], source: '', checked: true };
  }
}

/** The dates a finding's period key spans: `2025`, `2025-H1`, `2025-Q1`, `2025-03`. */
export function periodKeyRange(key: string): { start: string; end: string } {
  const year = key.slice(0, 4);
  const rest = key.slice(5);
  const lastDay = (month: number) => new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  const range = (from: number, to: number) => ({
    start: `${year}-${String(from).padStart(2, '0')}-01`,
    end: `${year}-${String(to).padStart(2, '0')}-${lastDay(to)}`,
  });
  if (!rest) {
    return range(1, 12);
  }
  if (rest.startsWith('Q')) {
    const q = Number(rest.slice(1));
    return range(q * 3 - 2, q * 3);
  }
  if (rest.startsWith('H')) {
    return rest === 'H1' ? range(1, 6) : range(7, 12);
  }
  return range(Number(rest), Number(rest));
}

function overlaps(key: string, period: Pick<ExportPeriod, 'start' | 'end'>): boolean {
  const range = periodKeyRange(key);
  return range.start <= period.end && range.end >= period.start;
}

/** The records of the package as the rules read them (ruleInputFor, as for the findings), for the counts of 实际. */
function ruleInputOf(data: LedgerDataset, options: ExportOptions, settings: RuleSettings): RuleInput {
  return ruleInputFor(data, { year: Number(options.period.end.slice(0, 4)), today: options.generatedOn, settings });
}

/** 实际: counted from the records where a count says something, otherwise what the findings add up to. */
function actualOf(rule: RuleId, findings: readonly Finding[], context: { input: RuleInput; period: ExportPeriod; matrix: ReturnType<typeof meetingMatrix> }): string {
  const rows = context.matrix.filter((r) => r.rule === rule);
  if (rows.length > 0) {
    const cells = rows.flatMap((r) => r.cells.filter((c) => c.start <= context.period.end && c.end >= context.period.start));
    const held = cells.reduce((n, c) => n + c.count, 0);
    const due = cells.filter((c) => c.status === 'done' || c.status === 'missing');
    const done = due.filter((c) => c.status === 'done').length;
    if (due.length === 0) {
      return `已开展${held}次；期间内尚无已结束、需开展的周期`;
    }
    return `已开展${held}次；已结束的${due.length}个周期中${done}个达到要求`;
  }
  if (rule === 'talk.coverage') {
    const coverage = talkCoverage(context.input);
    // The words of 工作台 and 覆盖情况: no 0/0（100%） where a requirement does not apply.
    const parts = coverage.requirements.map((r) => {
      const view = coverageView(r, coverage);
      return view.applies ? `${r.label}${r.met}/${r.required}（${r.percent}%）` : `${r.label}${view.text}`;
    });
    return `本年谈心谈话${coverage.talkCount}次${parts.length ? `；${parts.join('，')}` : ''}`;
  }
  if (findings.length === 0) {
    return '未发现问题';
  }
  const counts = (['error', 'warning', 'info'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${SEVERITY_LABELS[s]}${n}项`);
  return counts.join('，');
}

function conclusionOf(findings: readonly Finding[], checked: boolean): Conclusion {
  if (!checked) {
    return '不检查';
  }
  if (findings.some((f) => f.severity === 'error')) {
    return '不符合';
  }
  if (findings.some((f) => f.severity === 'warning')) {
    return '需注意';
  }
  if (findings.length > 0) {
    return '提醒';
  }
  return '符合';
}

/** The report's rows, every rule in RULE_IDS order, with the findings of the period. */
export function selfCheckRows(findings: readonly Finding[], data: LedgerDataset, options: ExportOptions): SelfCheckRow[] {
  const settings = options.ruleSettings ?? DEFAULT_RULE_SETTINGS;
  const input = ruleInputOf(data, options, settings);
  const matrix = meetingMatrix(input);
  const inPeriod = findings.filter((f) => overlaps(f.period, options.period));
  return RULE_IDS.map((rule) => {
    const own = inPeriod.filter((f) => f.rule === rule);
    const requirement = requirementOf(rule, input);
    return {
      rule,
      label: RULE_LABELS[rule],
      requirement: requirement.text,
      // The requirement's whole basis (党费按月交纳: 规定 and 党章 第九条), whichever findings the period has.
      source: requirement.source || (own[0]?.source ?? ''),
      actual: requirement.checked ? actualOf(rule, own, { input, period: options.period, matrix }) : (requirement.unchecked ?? '按设置不检查'),
      conclusion: conclusionOf(own, requirement.checked),
      gaps: own.map((f) => `${periodLabel(f.period)}：${f.message}`),
    };
  });
}

function addFindingsSheet(workbook: Workbook, findings: readonly Finding[], data: LedgerDataset, options: ExportOptions): void {
  const inPeriod = findings.filter((f) => overlaps(f.period, options.period));
  const sheet = addLedgerSheet(workbook, {
    name: '问题清单',
    title: `${data.branch.name} ${options.period.label} 自检问题清单`,
    info: infoLine(data.branch.name, options.generatedOn, inPeriod.length, '项'),
    columns: [
      { label: '规则', width: 18, format: 'text' },
      { label: '期间', width: 14, format: 'text' },
      { label: '结论', width: 8, format: 'text' },
      { label: '问题', width: 60, format: 'text' },
      { label: '依据', width: 36, format: 'text' },
    ],
  });
  addRows(
    sheet,
    inPeriod.map((f) => [RULE_LABELS[f.rule], periodLabel(f.period), SEVERITY_LABELS[f.severity], f.message, f.source]),
  );
}

/**
 * 00_自检报告.xlsx: the rules of the period, one row each, then the list of every finding; in a 检查材料包 the
 * 报送单 with the package's fingerprint comes first (`cover`).
 */
export async function buildSelfCheckWorkbook(findings: Finding[], data: LedgerDataset, options: ExportOptions, cover?: PackageCover): Promise<Uint8Array> {
  const rows = selfCheckRows(findings, data, options);
  const workbook = await newWorkbook();
  if (cover) {
    addPackageCover(workbook, cover);
  }
  const failing = rows.filter((r) => r.conclusion === '不符合').length;
  const sheet = addLedgerSheet(workbook, {
    name: '自检报告',
    title: `${data.branch.name} ${options.period.label} 党支部工作自检报告`,
    info: `${infoLine(data.branch.name, options.generatedOn, rows.length, '项规则')}，其中不符合 ${failing} 项`,
    columns: [
      { label: '规则', width: 16, format: 'text' },
      { label: '要求', width: 40, format: 'text' },
      { label: '实际', width: 30, format: 'text' },
      { label: '结论', width: WIDTH.short, format: 'text' },
      { label: '缺口明细', width: 60, format: 'text' },
    ],
  });
  addRows(
    sheet,
    rows.map((r) => [
      r.label,
      r.source ? `${r.requirement}（依据：${r.source}）` : r.requirement,
      r.actual,
      r.conclusion,
      r.gaps.length ? r.gaps.join('\n') : undefined,
    ]),
  );
  addFindingsSheet(workbook, findings, data, options);
  return workbookBytes(workbook);
}
