import { isRecord } from '../oneOf';

/**
 * Settings as stored (partial, from an older version, hand-edited) read key by key: every key that does not
 * validate falls back to its default instead of failing the whole page. Used by readRuleSettings and by the
 * settings of the later ledger kinds (党费, 学时).
 */
type KeyParser<V> = { safeParse(value: unknown): { success: true; data: V } | { success: false } };

export function readSettingsByKey<T extends object>(shape: { [K in keyof T]: KeyParser<T[K]> }, defaults: T, stored: unknown): T {
  const source = isRecord(stored) ? stored : {};
  const result = { ...defaults };
  // Object.keys loses the key type; the keys are the shape's own.
  for (const key of Object.keys(shape) as (keyof T & string)[]) {
    const parsed = shape[key].safeParse(source[key]);
    if (parsed.success) {
      result[key] = parsed.data;
    }
  }
  return result;
}
