import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../model';
import { meetingMinutesDocxOf } from './meetingMinutes';

const names: Record<string, string> = { m1: '王建华', m2: '李晓燕', m3: '曾国庆', m4: '单立新' };

const meeting: Meeting = {
  id: 'x',
  branchId: 'b',
  createdAt: '2025-03-05T09:00:00+08:00',
  updatedAt: '2025-03-05T09:00:00+08:00',
  type: '支部党员大会',
  alsoCountsAs: ['主题党日'],
  title: '2025年3月支部党员大会',
  startAt: '2025-03-05T14:30:00+08:00',
  endAt: '2025-03-05T16:00:00+08:00',
  location: '三楼会议室',
  hostId: 'm1',
  recorderId: 'm2',
  attendance: [
    { memberId: 'm1', state: '出席' },
    { memberId: 'm2', state: '出席' },
    { memberId: 'm3', state: '请假', reason: '出差' },
    { memberId: 'm4', state: '缺席' },
  ],
  attendees: '入党积极分子赵明',
  topics: ['学习贯彻全会精神', '讨论接收预备党员'],
  studyContent: '学习了《中国共产党支部工作条例（试行）》。',
  speeches: [{ speakerId: 'm1', text: '要把学习成果转化为工作动力。' }],
  content: '会议由书记主持。',
  resolutions: [{ text: '同意接收赵明为预备党员', votesFor: 2, votesAgainst: 0, abstentions: 0 }],
};

describe('meetingMinutesDocx', () => {
  it('writes a .docx whose document.xml holds the title, the people and the vote', async () => {
    const bytes = await meetingMinutesDocxOf(meeting, {
      branchName: '中共测试局机关第一支部委员会',
      nameOf: (id) => (id ? (names[id] ?? '') : ''),
      votingSummary: ['应到会有表决权党员4人，实到2人'],
      verdicts: ['未通过（《中国共产党支部工作条例（试行）》第十一条）'],
    });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(strFromU8(bytes.slice(0, 2))).toBe('PK');
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']);
    for (const expected of [
      '会议记录',
      '中共测试局机关第一支部委员会',
      '2025年3月支部党员大会',
      '支部党员大会（同时计为主题党日）',
      '2025年3月5日 14:30—16:00',
      '三楼会议室',
      '王建华',
      '李晓燕',
      '曾国庆（出差）',
      '单立新',
      '入党积极分子赵明',
      '学习贯彻全会精神',
      '王建华：要把学习成果转化为工作动力。',
      '赞成2票，反对0票，弃权0票',
      '第十一条',
      '主持人签字',
      '记录人签字',
    ]) {
      expect(xml).toContain(expected);
    }
    // A4 portrait.
    expect(xml).toMatch(/w:pgSz w:w="11906" w:h="16838"/);
  });
});
