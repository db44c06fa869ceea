import { describe, expect, it } from 'vitest';
import { checkIdNumber, computeCheckChar } from './idNumber';

function makeId(first17: string): string {
  return first17 + computeCheckChar(first17);
}

describe('checkIdNumber', () => {
  it('accepts a valid 18-digit number and derives birth date and gender', () => {
    const id = makeId('11010519491231002');
    const result = checkIdNumber(id);
    expect(result).toMatchObject({ ok: true, birthDate: '1949-12-31', gender: '女', legacy: false });
  });

  it('knows the published example 11010519491231002X', () => {
    expect(checkIdNumber('11010519491231002x')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
  });

  it('derives 男 from an odd 17th digit', () => {
    expect(checkIdNumber(makeId('32010219850612001'))).toMatchObject({ ok: true, gender: '男' });
  });

  it('refuses a wrong digit anywhere without blaming the last one (issue 11: the typo may be elsewhere)', () => {
    const id = makeId('32010219850612001');
    const wrongLast = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const wrongMiddle = id.slice(0, 3) + (id[3] === '1' ? '2' : '1') + id.slice(4);
    for (const wrong of [wrongLast, wrongMiddle]) {
      const result = checkIdNumber(wrong);
      expect(result).toEqual({ ok: false, message: '公民身份号码未通过校验，可能有数字录错，请逐位核对' });
    }
  });

  it('refuses an impossible birth date', () => {
    expect(checkIdNumber(makeId('32010219850230001'))).toMatchObject({ ok: false, message: '公民身份号码中的出生日期不存在' });
  });

  it('refuses a wrong length with the length it saw', () => {
    expect(checkIdNumber('3201021985')).toMatchObject({ ok: false, message: '公民身份号码应为18位，现为10位' });
  });

  it('accepts a 15-digit legacy number as 19xx and marks it legacy', () => {
    expect(checkIdNumber('320102850612003')).toMatchObject({ ok: true, birthDate: '1985-06-12', gender: '男', legacy: true });
  });
});
