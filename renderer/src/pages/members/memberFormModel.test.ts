import { describe, expect, it } from 'vitest';
import { computeCheckChar } from '@shared/model';
import {
  firstErrorField,
  GAP_MESSAGE,
  MEMBER_FORM_FIELDS,
  memberFormFeedback,
  messageForField,
  newMemberValues,
  toMemberInput,
  type MemberFormValues,
} from './memberFormModel';

const ID = '32010219850612001' + computeCheckChar('32010219850612001');
const WRONG_ID = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
const options = { today: '2025-03-05', otherIdNumbers: new Set<string>(), shows: () => true };
const valid: MemberFormValues = {
  ...newMemberValues(),
  name: '张三',
  idNumber: ID,
  joinedOn: '2010-07-01',
  confirmedOn: '2011-07-01',
};

describe('member form model', () => {
  it('trims text, drops blanks and cleared choices, and 转正时间 of a 预备党员', () => {
    expect(toMemberInput({ name: ' 张三 ', phone: '  ', partyGroupId: null, category: '预备党员', confirmedOn: '2011-07-01' })).toEqual({
      name: '张三',
      category: '预备党员',
    });
  });

  it('accepts a valid member, taking 性别 and 出生日期 from the ID', () => {
    const feedback = memberFormFeedback({ ...valid, education: '大学本科' }, options);
    expect(Object.values(feedback).flatMap((f) => [...f.errors, ...f.warnings])).toEqual([]);
  });

  it('shows an ID that fails its check under 公民身份号码 as 待核对, a warning that does not block saving', () => {
    const feedback = memberFormFeedback({ ...valid, idNumber: WRONG_ID }, options);
    expect(feedback.idNumber).toEqual({ errors: [], warnings: ['待核对：公民身份号码未通过校验，可能有数字录错，请逐位核对'] });
    expect(firstErrorField(feedback)).toBeUndefined();
  });

  it('requires only the name; every other gap is a warning on its own field (资料不全), and saving is allowed', () => {
    const feedback = memberFormFeedback({ ...newMemberValues(), name: '' }, options);
    expect(feedback.name.errors).toEqual(['请填写姓名']);
    for (const field of ['gender', 'birthDate', 'joinedOn', 'education'] as const) {
      expect(feedback[field]).toEqual({ errors: [], warnings: [GAP_MESSAGE] });
    }
    const incomplete = memberFormFeedback({ name: '李四' }, options);
    expect(firstErrorField(incomplete)).toBeUndefined();
    expect(incomplete.ethnicity.warnings).toEqual([GAP_MESSAGE]);
    expect(incomplete.category.warnings).toEqual([GAP_MESSAGE]);
    expect(messageForField('joinedOn', 'Invalid input', '2025-13')).toBe('入党时间填写不正确');
  });

  it('shows warnings apart from errors, and only for fields it is told to show', () => {
    const values = { ...valid, confirmedOn: undefined };
    expect(memberFormFeedback(values, options).confirmedOn).toEqual({ errors: [], warnings: ['正式党员应填写转正时间'] });
    expect(memberFormFeedback(values, { ...options, shows: (f) => f !== 'confirmedOn' }).confirmedOn.warnings).toEqual([]);
  });

  it('refuses a duplicate ID and a future date', () => {
    const feedback = memberFormFeedback({ ...valid, joinedOn: '2030-01-01', confirmedOn: undefined }, { ...options, otherIdNumbers: new Set([ID]) });
    expect(feedback.idNumber.errors).toEqual(['本支部已有相同公民身份号码的党员，不能重复登记']);
    expect(feedback.joinedOn.errors).toEqual(['入党时间不能晚于今天']);
  });

  it('edits 组织关系转入时间 and 受处分时间 after 转正时间, optional, never in the future', () => {
    expect(MEMBER_FORM_FIELDS.indexOf('transferredInOn')).toBe(MEMBER_FORM_FIELDS.indexOf('confirmedOn') + 1);
    expect(MEMBER_FORM_FIELDS.indexOf('disciplinedOn')).toBe(MEMBER_FORM_FIELDS.indexOf('confirmedOn') + 2);
    expect(toMemberInput({ ...valid, transferredInOn: '2020-05-01', disciplinedOn: null })).toMatchObject({ transferredInOn: '2020-05-01' });
    expect(toMemberInput({ ...valid, disciplinedOn: null })).not.toHaveProperty('disciplinedOn');
    const feedback = memberFormFeedback({ ...valid, transferredInOn: '2030-01-01', disciplinedOn: '2030-02' }, options);
    expect(feedback.transferredInOn.errors).toEqual(['组织关系转入时间不能晚于今天']);
    expect(feedback.disciplinedOn.errors).toEqual(['受处分时间不能晚于今天']);
    expect(messageForField('disciplinedOn', 'Invalid input', '2025-13')).toBe('受处分时间填写不正确');
  });
});
