import { z } from 'zod';
import { isoDateSchema } from '../../dates';
import { TALK_FORMS, TALK_KINDS } from '../../model/talk';
import type { LedgerDate } from '../dates';
import type { ColumnDefinition, LedgerDefinition, RecordResult } from '../types';
import { enumParser, parseDateTime } from '../values';
import { finish, nameKey, splitNames, textColumn, withNote } from './common';

/**
 * 谈心谈话记录 (DOMAIN §3.4): one row per talk. 谈话人 and 谈话对象 (several for a 集中 talk) stay names; the plan
 * resolves them against the roster. A time of day is dropped: a talk is kept by date.
 */

export type TalkColumnField =
  | 'date' | 'location' | 'talker' | 'talkees' | 'kind' | 'form' | 'content' | 'issues' | 'followUp' | 'recorder'
  | 'remarks';

const KIND_ALIASES: Record<string, (typeof TALK_KINDS)[number]> = {
  交流: '交流谈话', 谈心谈话: '交流谈话', 谈心: '交流谈话', 日常谈话: '交流谈话', 交心谈话: '交流谈话',
  勉励: '勉励谈话', 激励谈话: '勉励谈话',
  关怀: '关怀谈话', 关心谈话: '关怀谈话', 慰问谈话: '关怀谈话',
  提醒: '提醒谈话', 提醒教育谈话: '提醒谈话',
  教育: '教育谈话', 帮教谈话: '教育谈话',
  年度总结: '年度总结谈话', 年终谈话: '年度总结谈话', 年度谈话: '年度总结谈话', 总结谈话: '年度总结谈话',
};

/** 谈话形式 as ledgers write it: face to face or by phone with one person is 个别, a group talk is 集中. */
const FORM_ALIASES: Record<string, (typeof TALK_FORMS)[number]> = {
  个别谈话: '个别', 面对面: '个别', 面对面谈话: '个别', 面谈: '个别', 当面谈话: '个别', 一对一: '个别', 一对一谈话: '个别',
  电话谈心: '个别', 电话谈话: '个别', 电话: '个别', 视频谈话: '个别', 线上谈话: '个别', 网上谈心: '个别', 书面谈话: '个别',
  集中谈话: '集中', 集体谈话: '集中', 集体谈心: '集中', 座谈: '集中', 座谈会: '集中', 集体: '集中',
};

const columns: ColumnDefinition<TalkColumnField>[] = [
  { field: 'date', label: '谈话时间', headers: ['谈话时间', '谈话日期', '时间', '日期'], parse: parseDateTime },
  textColumn('location', '谈话地点', ['地点']),
  textColumn('talker', '谈话人', ['谈话者', '谈心人']),
  textColumn('talkees', '谈话对象', ['被谈话人', '谈话对象姓名', '谈心对象']),
  { field: 'kind', label: '谈话类型', headers: ['谈话类型', '谈话类别', '谈话种类'], parse: enumParser('谈话类型', TALK_KINDS, KIND_ALIASES) },
  { field: 'form', label: '谈话形式', headers: ['谈话形式', '形式', '谈话方式'], parse: enumParser('谈话形式', TALK_FORMS, FORM_ALIASES) },
  textColumn('content', '谈话主要内容', ['谈话内容', '主要内容']),
  textColumn('issues', '反映的问题及思想动态', ['反映问题', '主要问题', '思想动态']),
  textColumn('followUp', '后续措施', ['后续跟踪', '跟踪措施']),
  textColumn('recorder', '记录人', []),
  textColumn('remarks', '备注', []),
];

export const importedTalkSchema = z.object({
  date: isoDateSchema,
  location: z.string().optional(),
  talkerName: z.string().min(1),
  talkeeNames: z.array(z.string().min(1)).min(1),
  kind: z.enum(TALK_KINDS),
  form: z.enum(TALK_FORMS),
  content: z.string().optional(),
  issuesRaised: z.string().optional(),
  followUp: z.string().optional(),
});
export type ImportedTalk = z.infer<typeof importedTalkSchema>;

type TalkTextField = Exclude<TalkColumnField, 'date' | 'kind' | 'form'>;

/** What the column parsers above return, field by field. */
type TalkValues = Partial<Record<TalkTextField, string>> & { date?: LedgerDate; kind?: string; form?: ImportedTalk['form'] };

function toRecord(parsed: Partial<Record<TalkColumnField, unknown>>): RecordResult<ImportedTalk, TalkColumnField> {
  // Each field holds what its column's parser returned: the columns above decide the types.
  const values = parsed as TalkValues;
  const issues: RecordResult<ImportedTalk, TalkColumnField>['issues'] = [];
  const text = (f: TalkTextField) => values[f]?.trim() || undefined;
  const when = values.date;
  if (!when) {
    issues.push({ field: 'date', severity: 'error', message: '缺少谈话时间' });
  } else if (when.date.length === 7) {
    issues.push({ field: 'date', severity: 'error', message: `谈话时间只写到月（${when.date}），请写明哪一天` });
  }
  const talkers = splitNames(text('talker'));
  const talkees = splitNames(text('talkees'));
  if (talkers.length === 0) {
    issues.push({ field: 'talker', severity: 'error', message: '缺少谈话人' });
  } else if (talkers.length > 1) {
    issues.push({ field: 'talker', severity: 'error', message: `谈话人只能填一人，这里有${talkers.length}人（${talkers.join('、')}），请分行填写` });
  }
  if (talkees.length === 0) {
    issues.push({ field: 'talkees', severity: 'error', message: '缺少谈话对象' });
  }
  const unique = [...new Set(talkees)];
  if (unique.length < talkees.length) {
    issues.push({ field: 'talkees', severity: 'warning', message: '谈话对象中有重复的姓名，只导入一次' });
  }
  if (talkers[0] && unique.includes(talkers[0])) {
    issues.push({ field: 'talkees', severity: 'warning', message: `谈话人“${talkers[0]}”也是谈话对象，请核对` });
  }
  let form = values.form;
  if (!form) {
    form = unique.length > 1 ? '集中' : '个别';
  } else if (form === '集中' && unique.length === 1) {
    // The app keeps 集中 for one 谈话人 with several 谈话对象 (checkTalk): with one, the talk is 个别.
    form = '个别';
    issues.push({ field: 'form', severity: 'warning', message: '谈话形式为集体谈话，但谈话对象只有1人，按个别谈话导入' });
  } else if (form === '个别' && unique.length > 1) {
    issues.push({ field: 'form', severity: 'warning', message: `谈话形式为个别谈话，但谈话对象有${unique.length}人` });
  }
  let content = text('content');
  const recorder = text('recorder');
  if (recorder) {
    content = withNote(content, '记录人', recorder);
  }
  content = withNote(content, '备注', text('remarks'));
  return finish(
    importedTalkSchema,
    {
      date: when?.date,
      location: text('location'),
      talkerName: talkers[0] ? nameKey(talkers[0]) : undefined,
      talkeeNames: unique,
      kind: values.kind ?? '交流谈话',
      form,
      content,
      issuesRaised: text('issues'),
      followUp: text('followUp'),
    },
    issues,
  );
}

export const talksLedger: LedgerDefinition<TalkColumnField, ImportedTalk> = {
  kind: 'talks',
  label: '谈心谈话记录',
  columns,
  keyFields: [['talker'], ['talkees']],
  identity: ['date', 'talker', 'talkees'],
  remarksField: 'remarks',
  toRecord,
};
