import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { isRecord } from '../oneOf';
import { idSchema, recordMetaSchema } from './common';

/**
 * 党员思想动态分析 (DOMAIN §3.5): one per branch and period, with per-member entries. The 队伍状况 statistics are
 * never stored: they follow from the roster as of the period's end (shared/analyses/statistics.ts).
 */

/** 季度 (the default), 半年 and 年度 are 定期报告; 专题 and 即时 cover a range the user chooses. */
export const ANALYSIS_PERIOD_KINDS = ['季度', '半年', '年度', '专题', '即时'] as const;
export type AnalysisPeriodKind = (typeof ANALYSIS_PERIOD_KINDS)[number];

/** The kinds with fixed calendar periods, which the analysis.due rule counts. */
export const REGULAR_PERIOD_KINDS = ['季度', '半年', '年度'] as const;
export type RegularPeriodKind = (typeof REGULAR_PERIOD_KINDS)[number];

/** 收集方式 (several per analysis). */
export const ANALYSIS_METHODS = ['谈心谈话', '问卷调查', '座谈交流', '走访了解', '日常观察', '信息渠道'] as const;

/** The default list of 思想状况; the list in use is a setting (analysisSettingsSchema). */
export const IDEOLOGICAL_STATES = ['稳定', '较稳定', '需关注'] as const;
/** The state that is sensitive when the settings say nothing else. */
export const ATTENTION_STATE = '需关注';

/** Suggestions for 工作表现 (free text). */
export const WORK_PERFORMANCE_SUGGESTIONS = ['优秀', '良好', '一般', '较差'] as const;

/** Trimmed optional text; an empty string is stored as absent. */
const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

/** One member's line: 思想状况, 工作表现, 具体表现, 存在问题, 帮扶措施, 谈话人. */
export const analysisEntrySchema = z.object({
  memberId: idSchema,
  state: z.string({ error: '请选择思想状况' }).trim().min(1, '请选择思想状况'),
  /** 工作表现. */
  performance: optionalText,
  /** 具体表现. */
  details: optionalText,
  /** 存在问题. */
  problems: optionalText,
  /** 帮扶措施. */
  support: optionalText,
  /** 谈话人: the member who talked with him or her. */
  talkerId: idSchema.optional(),
});
export type AnalysisEntry = z.infer<typeof analysisEntrySchema>;
export type AnalysisEntryInput = z.input<typeof analysisEntrySchema>;

/** What the form edits. */
export const analysisFieldsSchema = z.object({
  periodKind: z.enum(ANALYSIS_PERIOD_KINDS, { error: '请选择分析期间' }),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  /** 专题名称 / 事由 of a 专题 or 即时 analysis. */
  title: optionalText,
  /** 收集方式. */
  methods: z.array(z.string().trim().min(1)).default([]),
  /** 参与人数 of 座谈, 问卷 and the like. */
  participants: z.number().int().min(0).max(100000).optional(),
  /** 总体评价. */
  overall: optionalText,
  /** 政治思想方面. */
  political: optionalText,
  /** 工作状态方面. */
  work: optionalText,
  /** 利益诉求方面. */
  interests: optionalText,
  /** 社会心理方面. */
  social: optionalText,
  /** 其他. */
  other: optionalText,
  /** 苗头性倾向性问题. */
  tendencies: optionalText,
  /** 原因分析. */
  causes: optionalText,
  /** 措施 (对策建议). */
  measures: optionalText,
  /** 报送日期. */
  submittedOn: isoDateSchema.optional(),
  entries: z.array(analysisEntrySchema).default([]),
  /** 谈心谈话 the analysis draws on. */
  talkIds: z.array(idSchema).default([]),
  /** 整改任务 it draws on or raised (the rectification module links back here too). */
  rectificationIds: z.array(idSchema).default([]),
});
export type AnalysisFields = z.infer<typeof analysisFieldsSchema>;
export type AnalysisFieldsInput = z.input<typeof analysisFieldsSchema>;

export const analysisSchema = recordMetaSchema
  .extend({ branchId: idSchema })
  .extend(analysisFieldsSchema.shape)
  .extend({
    /** The analysis whose entries this one started from (新建 copies the previous period's entries). */
    previousId: idSchema.optional(),
  });
export type Analysis = z.infer<typeof analysisSchema>;

/** The Chinese name of every field: form labels, change log, documents. */
export const ANALYSIS_FIELD_LABELS: Record<keyof AnalysisFields, string> = {
  periodKind: '分析类型',
  periodStart: '期间开始',
  periodEnd: '期间结束',
  title: '专题名称',
  methods: '收集方式',
  participants: '参与人数',
  overall: '总体评价',
  political: '政治思想方面',
  work: '工作状态方面',
  interests: '利益诉求方面',
  social: '社会心理方面',
  other: '其他',
  tendencies: '苗头性倾向性问题',
  causes: '原因分析',
  measures: '措施',
  submittedOn: '报送日期',
  entries: '党员思想状况',
  talkIds: '关联谈心谈话',
  rectificationIds: '关联整改任务',
};

export const ANALYSIS_ENTRY_LABELS: Record<keyof AnalysisEntry, string> = {
  memberId: '党员',
  state: '思想状况',
  performance: '工作表现',
  details: '具体表现',
  problems: '存在问题',
  support: '帮扶措施',
  talkerId: '谈话人',
};

/** The four aspects and 其他, in the order of the report's 主要表现. */
export const ANALYSIS_ASPECTS = ['political', 'work', 'interests', 'social', 'other'] as const;
export type AnalysisAspect = (typeof ANALYSIS_ASPECTS)[number];

/** One 思想状况 of the list in 设置; `sensitive` ones are masked until revealed and left out of exports. */
export const ideologicalStateSchema = z.object({
  label: z.string().trim().min(1, '请填写思想状况名称').max(10, '思想状况名称不超过10个字'),
  sensitive: z.boolean().default(false),
});
export type IdeologicalState = z.infer<typeof ideologicalStateSchema>;

/** Stored under ANALYSIS_SETTINGS_KEY in the settings table. */
export const ANALYSIS_SETTINGS_KEY = 'analysisSettings';

export const analysisSettingsSchema = z.object({
  states: z
    .array(ideologicalStateSchema)
    .min(1, '至少保留一种思想状况')
    .max(10)
    .refine((states) => new Set(states.map((s) => s.label)).size === states.length, '思想状况名称不能重复')
    .default([
      { label: '稳定', sensitive: false },
      { label: '较稳定', sensitive: false },
      { label: '需关注', sensitive: true },
    ]),
  /** How often a 定期报告 is due (analysis.due): 每季度 by default, 每半年 where the 上级 asks for that. */
  period: z.enum(['季度', '半年']).default('季度'),
});
export type AnalysisSettings = z.infer<typeof analysisSettingsSchema>;

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = Object.freeze(analysisSettingsSchema.parse({}));

/** The stored settings, or the defaults where they are missing or broken (the page never fails on them). */
export function readAnalysisSettings(stored: unknown): AnalysisSettings {
  const source = isRecord(stored) ? stored : {};
  const states = analysisSettingsSchema.shape.states.safeParse(source.states);
  const period = analysisSettingsSchema.shape.period.safeParse(source.period);
  return {
    states: states.success ? states.data : DEFAULT_ANALYSIS_SETTINGS.states,
    period: period.success ? period.data : DEFAULT_ANALYSIS_SETTINGS.period,
  };
}

/** Whether entries of this state are masked and left out of exports; an unknown state is sensitive if named 需关注. */
export function isSensitiveState(state: string, settings: Pick<AnalysisSettings, 'states'>): boolean {
  return settings.states.find((s) => s.label === state)?.sensitive ?? state === ATTENTION_STATE;
}
