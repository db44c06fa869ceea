import { describe, expect, it } from 'vitest';
import { computeCheckChar } from './idNumber';
import { checkMember, memberFieldsSchema, type MemberFields } from './member';

const ID = '32010219850612001' + computeCheckChar('32010219850612001');
const base: Partial<MemberFields> = {
  name: '张三',
  gender: '男',
  ethnicity: '汉族',
  birthDate: '1985-06-12',
  idNumber: ID,
  joinedOn: '2010-07-01',
  confirmedOn: '2011-07-01',
  category: '正式党员',
};
const today = '2025-03-05';

function messagesFor(fields: Partial<MemberFields>, field: keyof MemberFields, otherIdNumbers?: Set<string>) {
  return checkMember(fields, { today, otherIdNumbers }).filter((i) => i.field === field);
}

describe('checkMember', () => {
  it('accepts a consistent member', () => {
    expect(checkMember(base, { today })).toEqual([]);
  });

  it('shows the checksum message on 公民身份号码', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    expect(messagesFor({ ...base, idNumber: wrong }, 'idNumber')[0]).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('校验位错误'),
    });
  });

  it('cross-checks 性别 and 出生日期 with the ID number', () => {
    expect(messagesFor({ ...base, gender: '女' }, 'gender')[0].message).toBe('性别与公民身份号码不符：号码显示为男');
    expect(messagesFor({ ...base, birthDate: '1985-06-13' }, 'birthDate')[0].message).toContain('1985-06-12');
    expect(messagesFor({ ...base, birthDate: '1985-06' }, 'birthDate')).toEqual([]);
  });

  it('warns on a 15-digit ID but accepts it', () => {
    const issues = messagesFor({ ...base, idNumber: '320102850612003' }, 'idNumber');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('refuses a duplicate ID in the branch', () => {
    expect(messagesFor(base, 'idNumber', new Set([ID]))[0].message).toContain('不能重复登记');
  });

  it('refuses future dates', () => {
    expect(messagesFor({ ...base, confirmedOn: '2025-03-06' }, 'confirmedOn')[0].message).toBe('转正时间不能晚于今天');
  });

  it('refuses a future 组织关系转入时间 or 受处分时间, and accepts past ones', () => {
    expect(messagesFor({ ...base, transferredInOn: '2025-03-06' }, 'transferredInOn')).toEqual([
      expect.objectContaining({ severity: 'error', message: '组织关系转入时间不能晚于今天' }),
    ]);
    expect(messagesFor({ ...base, disciplinedOn: '2025-04' }, 'disciplinedOn')).toEqual([
      expect.objectContaining({ severity: 'error', message: '受处分时间不能晚于今天' }),
    ]);
    expect(checkMember({ ...base, transferredInOn: '2020-05-01', disciplinedOn: '2025-03-05' }, { today })).toEqual([]);
  });

  it('requires 入党 at 18 or older, the birthday itself included', () => {
    expect(messagesFor({ ...base, joinedOn: '2003-06-11' }, 'joinedOn')[0].message).toBe('入党时间应在年满18周岁之后');
    expect(messagesFor({ ...base, joinedOn: '2003-06-12', confirmedOn: '2004-06-12' }, 'joinedOn')).toEqual([]);
  });

  it('warns when 转正 is not between one and two years after 入党', () => {
    expect(messagesFor({ ...base, confirmedOn: '2011-03-01' }, 'confirmedOn')[0].severity).toBe('warning');
    expect(messagesFor({ ...base, confirmedOn: '2012-08-01' }, 'confirmedOn')[0].severity).toBe('warning');
    expect(messagesFor({ ...base, confirmedOn: '2012-01-01' }, 'confirmedOn')).toEqual([]);
    expect(messagesFor({ ...base, confirmedOn: '2009-01-01' }, 'confirmedOn')[0]).toMatchObject({ severity: 'error' });
  });

  it('reads a 转正时间 known only to the month as that whole month (2010年9月15日 入党, 2011年9月 转正: one year)', () => {
    expect(messagesFor({ ...base, joinedOn: '2010-09-15', confirmedOn: '2011-09' }, 'confirmedOn')).toEqual([]);
    expect(messagesFor({ ...base, joinedOn: '2010-09-15', confirmedOn: '2011-08' }, 'confirmedOn')[0].severity).toBe('warning');
  });

  it('refuses a 转正时间 on a 预备党员', () => {
    expect(messagesFor({ ...base, category: '预备党员' }, 'confirmedOn')[0].severity).toBe('error');
  });
});

describe('memberFieldsSchema', () => {
  it('rejects an unknown 民族 with a Chinese message', () => {
    const result = memberFieldsSchema.safeParse({ ...base, ethnicity: '川青族' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('请选择民族');
  });
});
