import { describe, expect, it } from 'vitest';
import { computeCheckChar } from './idNumber';
import { checkMember, COMPLETENESS_FIELDS, gapLabels, isIncomplete, memberFieldsSchema, memberGaps, type MemberFields } from './member';

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

  it('flags an ID that fails its check as 待核对 (a warning: the record is kept and fixed later), deriving nothing from it', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    expect(checkMember({ ...base, idNumber: wrong, gender: '女', birthDate: '1990-01-01' }, { today })).toEqual([
      { field: 'idNumber', severity: 'warning', message: '待核对：公民身份号码未通过校验，可能有数字录错，请逐位核对' },
    ]);
    expect(messagesFor({ ...base, idNumber: '3201021985' }, 'idNumber')).toEqual([
      expect.objectContaining({ severity: 'warning', message: '待核对：公民身份号码应为18位，现为10位' }),
    ]);
  });

  it('never compares an unverified ID with the branch’s others (no duplicate key from a typo)', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    expect(messagesFor({ ...base, idNumber: wrong }, 'idNumber', new Set([wrong])).map((i) => i.severity)).toEqual(['warning']);
  });

  it('cross-checks 性别 and 出生日期 with the ID number', () => {
    expect(messagesFor({ ...base, gender: '女' }, 'gender')[0].message).toBe('性别与公民身份号码不符：号码显示为男');
    expect(messagesFor({ ...base, birthDate: '1985-06-13' }, 'birthDate')[0].message).toBe('出生日期与公民身份号码不符：号码显示为1985年6月12日');
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

describe('memberGaps', () => {
  it('finds nothing on a complete record with a valid ID', () => {
    expect(memberGaps({ ...base, education: '大学本科' })).toEqual({ missing: [], idNumberUnverified: false });
    expect(isIncomplete({ ...base, education: '大学本科' })).toBe(false);
  });

  it('lists the missing fields in order and names them in Chinese', () => {
    const gaps = memberGaps({ name: '李四', idNumber: ID.slice(0, 16) });
    expect(gaps).toEqual({ missing: [...COMPLETENESS_FIELDS], idNumberUnverified: true });
    expect(gapLabels(gaps)).toEqual(['性别', '民族', '出生日期', '入党时间', '党员类别', '学历', '公民身份号码待核对']);
  });

  it('takes a record without an ID as unverified in nothing (no number, nothing to check)', () => {
    expect(memberGaps({ ...base, idNumber: undefined, education: '大学本科' })).toEqual({ missing: [], idNumberUnverified: false });
  });
});
