import type { ColumnDefinition, LedgerDefinition } from '../types';
import { parseDate, parseDateTime, parseInteger, parseText, parseYesNo } from '../values';

/**
 * Header dictionaries of the other ledgers, enough to recognise their sheets and read their cells. Each ledger's
 * owner adds `toRecord` (and enum parsers) in its own file and swaps it in LEDGER_DEFINITIONS.
 */

function text<F extends string>(field: F, label: string, headers: string[]): ColumnDefinition<F> {
  return { field, label, headers: [label, ...headers], parse: parseText };
}

export const meetingsLedger: LedgerDefinition = {
  kind: 'meetings',
  label: '“三会一课”会议记录',
  columns: [
    text('type', '会议类型', ['类型', '会议类别', '会议形式']),
    { field: 'startAt', label: '会议时间', headers: ['会议时间', '召开时间', '会议日期', '时间', '日期', '开会时间'], parse: parseDateTime },
    text('location', '会议地点', ['地点', '召开地点']),
    text('host', '主持人', ['会议主持人', '主持']),
    text('recorder', '记录人', ['记录员', '会议记录人']),
    { field: 'expected', label: '应到人数', headers: ['应到人数', '应到', '应参会人数'], parse: parseInteger },
    { field: 'present', label: '实到人数', headers: ['实到人数', '实到', '参会人数', '实际参会人数'], parse: parseInteger },
    text('absentees', '缺席人员及原因', ['缺席人员', '缺席人员及原因', '请假人员', '缺席情况', '请假人员及原因']),
    text('attendees', '列席人员', ['列席']),
    text('topic', '会议议题', ['议题', '会议主题', '主题', '会议名称']),
    text('content', '会议内容摘要', ['会议内容', '内容', '主要内容', '会议记录']),
    text('resolution', '形成决议', ['决议', '会议决议', '决定事项']),
  ],
  keyFields: [['type'], ['startAt']],
};

export const talksLedger: LedgerDefinition = {
  kind: 'talks',
  label: '谈心谈话记录',
  columns: [
    { field: 'date', label: '谈话时间', headers: ['谈话时间', '谈话日期', '时间', '日期'], parse: parseDateTime },
    text('location', '谈话地点', ['地点']),
    text('talker', '谈话人', ['谈话者']),
    text('talkee', '谈话对象', ['被谈话人', '谈话对象姓名']),
    text('kind', '谈话类型', ['谈话类别']),
    text('form', '谈话形式', ['形式', '谈话方式']),
    text('content', '谈话主要内容', ['谈话内容', '主要内容']),
    text('issues', '反映的问题及思想动态', ['反映问题', '主要问题', '思想动态']),
    text('followUp', '后续措施', ['后续跟踪', '跟踪措施']),
    text('recorder', '记录人', []),
    text('remarks', '备注', []),
  ],
  keyFields: [['talker'], ['talkee']],
};

export const analysesLedger: LedgerDefinition = {
  kind: 'analyses',
  label: '党员思想动态分析',
  columns: [
    text('name', '姓名', ['党员姓名']),
    text('period', '分析时段', ['时段', '分析期间', '分析时间']),
    text('state', '思想状况', ['思想状态', '思想动态情况']),
    text('work', '工作表现', []),
    text('details', '具体表现', ['主要表现']),
    text('problems', '存在问题', ['存在的问题']),
    text('help', '帮扶措施', ['帮扶举措', '教育帮扶措施']),
    text('remarks', '备注', []),
  ],
  keyFields: [['name'], ['state']],
};

export const rectificationsLedger: LedgerDefinition = {
  kind: 'rectifications',
  label: '问题整改台账',
  columns: [
    text('source', '问题来源', ['来源']),
    text('category', '问题类别', ['问题类型', '类别']),
    text('problem', '存在问题', ['问题描述', '发现问题', '整改前问题', '问题表现', '具体问题']),
    text('goal', '整改目标', []),
    text('measures', '整改措施', ['整改要求和建议', '整改举措']),
    text('leader', '责任领导', []),
    text('owner', '责任人', ['整改责任人', '整改人']),
    { field: 'deadline', label: '整改时限', headers: ['整改时限', '完成时限', '整改期限', '完成时间'], parse: parseDate },
    text('progress', '整改进展', ['完成情况', '整改情况', '整改后情况']),
    { field: 'closed', label: '是否销号', headers: ['是否销号', '销号'], parse: parseYesNo },
    text('status', '状态', ['整改状态']),
    text('remarks', '备注', []),
  ],
  keyFields: [['problem'], ['measures']],
};
