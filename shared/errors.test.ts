import { describe, expect, it } from 'vitest';
import { CancelledError, errorCode, messageOf } from './errors';

describe('CancelledError', () => {
  it('is an Error whose message names the stopped job', () => {
    const error = new CancelledError('读取');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CancelledError');
    expect(error.message).toBe('已取消读取');
    expect(new CancelledError().message).toBe('已取消');
  });
});

describe('messageOf', () => {
  it("gives an Error's message and a thrown string as they are", () => {
    expect(messageOf(new Error('文件已损坏'))).toBe('文件已损坏');
    expect(messageOf(new TypeError('x is undefined'))).toBe('x is undefined');
    expect(messageOf('磁盘已满')).toBe('磁盘已满');
  });

  it('gives the message of a cancelled job (callers usually word it themselves)', () => {
    expect(messageOf(new CancelledError('生成检查材料包'))).toBe('已取消生成检查材料包');
  });

  it('names an Error without a message by its name, and anything else by its text', () => {
    expect(messageOf(new RangeError(''))).toBe('RangeError');
    expect(messageOf(42)).toBe('42');
    expect(messageOf(undefined)).toBe('undefined');
  });

  it('with a fallback, replaces a message not written for the user, and keeps one that is', () => {
    expect(messageOf(new Error('invalid zip data'), '文件无法读取')).toBe('文件无法读取');
    expect(messageOf(new Error(''), '文件无法读取')).toBe('文件无法读取');
    expect(messageOf({ code: 1 }, '文件无法读取')).toBe('文件无法读取');
    expect(messageOf(new Error('不是检查材料包：缺少 manifest.json'), '文件无法读取')).toBe('不是检查材料包：缺少 manifest.json');
    expect(messageOf('已取消', '文件无法读取')).toBe('已取消');
  });
});

describe('errorCode', () => {
  it("gives a system error's code, and undefined for anything without one", () => {
    expect(errorCode(Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(errorCode({ code: 'EACCES' })).toBe('EACCES');
    expect(errorCode(new Error('plain'))).toBeUndefined();
    expect(errorCode('ENOENT')).toBeUndefined();
    expect(errorCode(null)).toBeUndefined();
  });
});
