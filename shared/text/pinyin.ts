import { pinyin } from 'pinyin-pro';

/**
 * Names sort and search by pinyin. pinyin-pro's surname mode reads 曾, 单, 解 … as surnames (zēng, shàn, xiè),
 * which Intl.Collator's pinyin order gets wrong.
 */
const keyCache = new Map<string, { full: string; initials: string }>();

function keysOf(name: string): { full: string; initials: string } {
  let keys = keyCache.get(name);
  if (!keys) {
    const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
    keys = {
      full: syllables.join(' ').toLowerCase(),
      initials: syllables.map((s) => s.charAt(0)).join('').toLowerCase(),
    };
    if (keyCache.size > 50_000) {
      keyCache.clear();
    }
    keyCache.set(name, keys);
  }
  return keys;
}

/** Sort key: pinyin syllables without tones, e.g. 曾国藩 → 'zeng guo fan'. */
export function pinyinKey(name: string): string {
  return keysOf(name).full;
}

/** Initials, e.g. 张三 → 'zs'. */
export function pinyinInitials(name: string): string {
  return keysOf(name).initials;
}

/** Pinyin order; equal pinyin falls back to the characters so the order is stable. */
export function compareByPinyin(a: string, b: string): number {
  const ka = pinyinKey(a);
  const kb = pinyinKey(b);
  if (ka !== kb) {
    return ka < kb ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortByPinyin<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareByPinyin(nameOf(x), nameOf(y)));
}

/**
 * What the roster's search box accepts: part of the name (张), pinyin initials (zs), whole pinyin (zhangsan),
 * or the tail of the 公民身份号码 (the last 4 or more characters).
 */
export function matchesPersonQuery(person: { name: string; idNumber?: string }, rawQuery: string): boolean {
  const query = rawQuery.trim().toLowerCase();
  if (!query) {
    return true;
  }
  if (person.name.includes(rawQuery.trim())) {
    return true;
  }
  if (/^[a-z]+$/.test(query)) {
    const keys = keysOf(person.name);
    return keys.initials.startsWith(query) || keys.full.replace(/ /g, '').startsWith(query);
  }
  if (/^[\dx]{4,}$/.test(query) && person.idNumber) {
    return person.idNumber.toLowerCase().endsWith(query);
  }
  return false;
}
