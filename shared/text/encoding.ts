/**
 * The platform's TextDecoder and TextEncoder (Node, Chromium and workers all have them, GBK included), typed once
 * here by what we use of them: shared/ is compiled without DOM or Node types, so their declarations are not visible.
 */
export interface TextDecoderLike {
  /** With `stream: true` a character split across two pieces is kept for the next call. */
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

interface PlatformText {
  TextDecoder: new (label: string, options?: { fatal?: boolean }) => TextDecoderLike;
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

// The runtime's globals, which shared/'s lib (ES2023 only) does not declare.
const platform = globalThis as unknown as PlatformText;

/** A decoder for `label` (`utf-8`, `utf-16le`, `gbk`, `latin1` …); `fatal` throws on bytes that are not valid. */
export function createTextDecoder(label: string, options?: { fatal?: boolean }): TextDecoderLike {
  return new platform.TextDecoder(label, options);
}

const encoder = new platform.TextEncoder();

/** The UTF-8 bytes of a string. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}
