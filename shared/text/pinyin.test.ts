import { describe, expect, it } from 'vitest';
import { matchesPersonQuery, pinyinInitials, sortByPinyin } from './pinyin';

describe('pinyin order and search', () => {
  it('sorts names in pinyin order, reading surnames as surnames', () => {
    const names = ['张三', '李四', '曾国强', '安然', '王五', '单立新'];
    expect(sortByPinyin(names, (n) => n)).toEqual(['安然', '李四', '单立新', '王五', '曾国强', '张三']);
  });

  it('gives initials', () => {
    expect(pinyinInitials('张三')).toBe('zs');
  });

  it('finds by part of the name, initials, full pinyin and the tail of the ID number', () => {
    const person = { name: '张三', idNumber: '32010219850612001X' };
    expect(matchesPersonQuery(person, '张')).toBe(true);
    expect(matchesPersonQuery(person, 'zs')).toBe(true);
    expect(matchesPersonQuery(person, 'ZS')).toBe(true);
    expect(matchesPersonQuery(person, 'zhangsan')).toBe(true);
    expect(matchesPersonQuery(person, '001x')).toBe(true);
    expect(matchesPersonQuery(person, 'ls')).toBe(false);
    expect(matchesPersonQuery(person, '1234')).toBe(false);
    expect(matchesPersonQuery(person, '李')).toBe(false);
  });
});
