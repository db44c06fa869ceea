/**
 * Money is integer 分 everywhere (a float of 元 cannot hold 0.1 exactly). These two are the only ways from 分 to
 * text and back: what the user sees and what the user types.
 */

/** `1250` → `12.50元`; `-5` → `-0.05元`. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}元`;
}

export type ParsedYuan = { ok: true; fen: number } | { ok: false; message: string };

/** Full-width digits and point (typed with a Chinese IME) read as their ASCII twins. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A typed or imported amount of 元 → 分: `12.5`, `12.50元`, `１２.５`, `￥12.50`, `1,234.50`, or a number cell.
 * Never rounds: more than two decimals is refused (`12.345` is not a sum of money), as are negative amounts and text.
 */
export function parseYuan(input: string | number): ParsedYuan {
  const raw = typeof input === 'number' ? String(input) : input;
  const text = toHalfWidth(raw)
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '')
    .trim();
  if (text === '') {
    return { ok: false, message: '请填写金额' };
  }
  // Thousands separators only in their places: `1,234.5` yes, `12,5` (a decimal comma?) no.
  const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) ? text.replace(/,/g, '') : text;
  if (/^-/.test(plain)) {
    return { ok: false, message: `金额不能为负数：${raw}` };
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!match) {
    return { ok: false, message: `不是有效的金额：${raw}` };
  }
  const decimals = match[2] ?? '';
  if (decimals.length > 2) {
    return { ok: false, message: `金额最多精确到分（两位小数）：${raw}` };
  }
  const fen = Number(match[1]) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) {
    return { ok: false, message: `金额过大：${raw}` };
  }
  return { ok: true, fen };
}
