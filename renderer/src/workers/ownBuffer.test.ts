import { describe, expect, it } from 'vitest';
import { ownBuffer } from './ownBuffer';

describe('ownBuffer', () => {
  it('hands over the bytes’ own buffer when they fill it (transferred, not copied)', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(ownBuffer(bytes)).toBe(bytes.buffer);
  });

  it('copies a view into a larger buffer, so that only the bytes travel and the rest is not detached', () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5]);
    const buffer = ownBuffer(whole.subarray(1, 4));
    expect(buffer).not.toBe(whole.buffer);
    expect([...new Uint8Array(buffer)]).toEqual([2, 3, 4]);
  });
});
