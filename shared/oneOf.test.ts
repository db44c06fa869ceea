import { describe, expect, it } from 'vitest';
import { isRecord, keysOf, oneOf } from './oneOf';

const STATES = ['出席', '请假', '缺席'] as const;

describe('oneOf', () => {
  it('gives the value typed as one of the options', () => {
    const state: (typeof STATES)[number] | undefined = oneOf(STATES, '请假');
    expect(state).toBe('请假');
  });

  it('gives undefined for a value that is none of the options', () => {
    expect(oneOf(STATES, '迟到')).toBeUndefined();
    expect(oneOf(STATES, undefined)).toBeUndefined();
    expect(oneOf(STATES, null)).toBeUndefined();
    expect(oneOf(STATES, 1)).toBeUndefined();
  });
});

describe('keysOf', () => {
  it('gives the keys of a label map in their written order, typed as the map key', () => {
    const labels: Record<'name' | 'birthDate', string> = { name: '姓名', birthDate: '出生日期' };
    const keys: ('name' | 'birthDate')[] = keysOf(labels);
    expect(keys).toEqual(['name', 'birthDate']);
  });
});

describe('isRecord', () => {
  it('accepts objects and refuses null and primitives', () => {
    expect(isRecord({ format: 'x' })).toBe(true);
    expect(isRecord(null)).toBe(false);
    expect(isRecord(undefined)).toBe(false);
    expect(isRecord('{}')).toBe(false);
    expect(isRecord(1)).toBe(false);
  });
});
