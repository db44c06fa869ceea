import { isValidIsoDate } from '../dates';
import type { Gender } from './enums';

/** GB 11643 公民身份号码: weights and check characters of the 18th digit. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberCheck =
  | { ok: true; normalized: string; birthDate: string; gender: Gender; legacy: boolean }
  | { ok: false; message: string };

export function computeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += Number(first17[i]) * WEIGHTS[i];
  }
  return CHECK_CHARS[sum % 11];
}

/** Trims, removes inner spaces and upper-cases a trailing x, so the same number always compares equal. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * Checks a 公民身份号码 and derives 出生日期 and 性别 from it.
 * 15-digit numbers (issued before 1999, born 19xx) are accepted; the caller shows a warning for them.
 */
export function checkIdNumber(raw: string): IdNumberCheck {
  const id = normalizeIdNumber(raw);
  if (id.length === 15) {
    if (!/^\d{15}$/.test(id)) {
      return { ok: false, message: '15位公民身份号码只能由数字组成' };
    }
    const birthDate = `19${id.slice(6, 8)}-${id.slice(8, 10)}-${id.slice(10, 12)}`;
    if (!isValidIsoDate(birthDate)) {
      return { ok: false, message: '公民身份号码中的出生日期不存在' };
    }
    return { ok: true, normalized: id, birthDate, gender: Number(id[14]) % 2 === 1 ? '男' : '女', legacy: true };
  }
  if (id.length !== 18) {
    return { ok: false, message: `公民身份号码应为18位，现为${id.length}位` };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, message: '公民身份号码前17位应为数字，最后一位为数字或X' };
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isValidIsoDate(birthDate)) {
    return { ok: false, message: '公民身份号码中的出生日期不存在' };
  }
  // A wrong digit anywhere changes the check character: never suggest fixing the last one.
  if (id[17] !== computeCheckChar(id.slice(0, 17))) {
    return { ok: false, message: '公民身份号码未通过校验，可能有数字录错，请逐位核对' };
  }
  return { ok: true, normalized: id, birthDate, gender: Number(id[16]) % 2 === 1 ? '男' : '女', legacy: false };
}
