import { describe, expect, it } from 'vitest';
import { createTextDecoder, encodeUtf8 } from './encoding';

describe('text encoding', () => {
  it('round-trips Chinese text through UTF-8', () => {
    const bytes = encodeUtf8('支部台账');
    expect(bytes).toHaveLength(12);
    expect(createTextDecoder('utf-8').decode(bytes)).toBe('支部台账');
  });

  it('decodes GBK, as Chinese Excel and WPS save CSV', () => {
    expect(createTextDecoder('gbk').decode(new Uint8Array([0xd6, 0xa7, 0xb2, 0xbf]))).toBe('支部');
  });

  it('throws on invalid bytes when fatal, and replaces them otherwise', () => {
    const invalid = new Uint8Array([0xff, 0xfe, 0xfd]);
    expect(() => createTextDecoder('utf-8', { fatal: true }).decode(invalid)).toThrow();
    expect(createTextDecoder('utf-8').decode(invalid)).toBe('\ufffd\ufffd\ufffd');
  });
});
