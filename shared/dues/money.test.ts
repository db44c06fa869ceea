import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan } from './money';

describe('money in 分', () => {
  it('formats 分 as 元 with two decimals', () => {
    expect(formatYuan(1250)).toBe('12.50元');
    expect(formatYuan(5)).toBe('0.05元');
    expect(formatYuan(0)).toBe('0.00元');
    expect(formatYuan(-105)).toBe('-1.05元');
  });

  it('reads amounts as people type them', () => {
    expect(parseYuan('12.5')).toEqual({ ok: true, fen: 1250 });
    expect(parseYuan('12.50元')).toEqual({ ok: true, fen: 1250 });
    expect(parseYuan('１２.５')).toEqual({ ok: true, fen: 1250 });
    expect(parseYuan('１２．０５ 元')).toEqual({ ok: true, fen: 1205 });
    expect(parseYuan('￥1,234.5')).toEqual({ ok: true, fen: 123450 });
    expect(parseYuan('30')).toEqual({ ok: true, fen: 3000 });
    expect(parseYuan(0.2)).toEqual({ ok: true, fen: 20 });
    expect(parseYuan(45.68)).toEqual({ ok: true, fen: 4568 });
  });

  it('refuses three decimals instead of rounding them away', () => {
    expect(parseYuan('12.345')).toEqual({ ok: false, message: '金额最多精确到分（两位小数）：12.345' });
    expect(parseYuan(12.345).ok).toBe(false);
    expect(parseYuan('0.005元').ok).toBe(false);
  });

  it('refuses what is not an amount', () => {
    expect(parseYuan('')).toEqual({ ok: false, message: '请填写金额' });
    expect(parseYuan('-3')).toEqual({ ok: false, message: '金额不能为负数：-3' });
    expect(parseYuan('十二元').ok).toBe(false);
    expect(parseYuan('12,5').ok).toBe(false);
  });
});
