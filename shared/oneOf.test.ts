import { describe, expect, it } from 'vitest';
import { oneOf } from './oneOf';

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
