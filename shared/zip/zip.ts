/**
 * Reading a zip whose author we do not trust (an .xlsx ledger, a 检查材料包, a .blbak backup): the central directory
 * is parsed here, every limit is checked before anything is inflated (entry count, name length, declared sizes),
 * and again while inflating, because a zip's declared sizes may lie: each entry is inflated in small steps through
 * fflate's streaming Inflate, and the count of bytes produced stops it at the limit (size per entry, total,
 * compression ratio). Nothing is ever inflated whole unless the caller asks for a small part (`readBytes`).
 */
import { Inflate } from 'fflate';
import { createTextDecoder } from '../text/encoding';

export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Bytes of one entry's name. */
  maxNameBytes: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of everything read from this archive. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed, checked once an entry passes RATIO_FLOOR bytes. */
  maxRatio: number;
}

/** Below this an entry may compress as well as it likes (a small XML part of repeated tags). */
export const RATIO_FLOOR = 1024 * 1024;
/**
 * Compressed bytes fed to the inflater at a time: up to ~1,032 times this may come out of one step, so the step
 * follows the ratio seen so far to keep each step's output near OUTPUT_STEP (ordinary XML: 64 kB in, a bomb: 1 kB).
 */
const MIN_INPUT_STEP = 1024;
const MAX_INPUT_STEP = 64 * 1024;
const OUTPUT_STEP = 1024 * 1024;
/** Stored entries are handed over in pieces of this size (views, not copies). */
const STORED_STEP = 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  /** What the central directory declares: checked before reading, never trusted while reading. */
  declaredSize: number;
  localOffset: number;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (zip, PNG) of `bytes`, continuing from `crc` (0 to start). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i += 1) {
    c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  }
  return ~c >>> 0;
}

/** Pieces of bytes as one array. */
export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, piece) => n + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

export type ZipLimitKind = 'entries' | 'name' | 'entry' | 'total' | 'ratio';

/** A limit was reached; `path` names the entry (empty for the archive as a whole). */
export class ZipLimitError extends Error {
  constructor(
    readonly kind: ZipLimitKind,
    readonly path: string,
    readonly limit: number,
  ) {
    super(`zip limit ${kind} (${limit}) at ${path || 'archive'}`);
    this.name = 'ZipLimitError';
  }
}

/** The bytes are not a zip we can read (cut short, a method we do not know, encrypted). */
export class ZipFormatError extends Error {
  constructor(
    message: string,
    readonly path = '',
  ) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const utf8 = createTextDecoder('utf-8');
const latin1 = createTextDecoder('latin1');

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

function findEnd(bytes: Uint8Array): number {
  const from = Math.max(0, bytes.length - 65_557);
  for (let i = bytes.length - 22; i >= from; i -= 1) {
    if (u32(bytes, i) === EOCD) {
      return i;
    }
  }
  throw new ZipFormatError('no end of central directory');
}

/** Formatting a kind and a limit for people: `200 MB`, `20000 个`. */
export function formatLimit(kind: ZipLimitKind, limit: number): string {
  if (kind === 'entries') {
    return `${limit} 个文件`;
  }
  if (kind === 'name') {
    return `${limit} 字节`;
  }
  if (kind === 'ratio') {
    return `${limit} 倍`;
  }
  return limit >= 1024 * 1024 * 1024 ? `${(limit / 1024 / 1024 / 1024).toFixed(0)} GB` : `${Math.round(limit / 1024 / 1024)} MB`;
}

/**
 * What a limit error says, in Chinese; `what` names the archive (工作簿, 检查材料包, 备份文件), `part` the entry
 * (by default its path in quotes).
 */
export function zipLimitMessage(error: ZipLimitError, what: string, part = `“${error.path}”`): string {
  const limit = formatLimit(error.kind, error.limit);
  switch (error.kind) {
    case 'entries':
      return `${what}中的文件太多（超过 ${limit}），无法读取`;
    case 'name':
      return `${what}中有文件名过长（超过 ${limit}）的文件，无法读取`;
    case 'entry':
      return `${what}中的${part}解压后超过 ${limit}，无法读取`;
    case 'total':
      return `${what}解压后超过 ${limit}（读到${part}时），无法读取`;
    case 'ratio':
      return `${what}中的${part}压缩比异常（超过 ${limit}），可能是恶意构造的文件，无法读取`;
  }
}

export class ZipArchive {
  readonly entries: ZipEntry[];
  /** Inflated bytes produced so far, across every read. */
  inflated = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly limits: ZipLimits,
  ) {
    this.entries = this.centralDirectory();
  }

  /** The last entry of that name (as unzip tools take it), or undefined. */
  find(name: string): ZipEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      if (this.entries[i].name === name) {
        return this.entries[i];
      }
    }
    return undefined;
  }

  /**
   * Inflates one entry in small steps, handing each piece to `onChunk` (which may return true to stop early);
   * returns the bytes produced. Throws ZipLimitError at a limit, ZipFormatError when the data is damaged.
   */
  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array) => boolean | void, maxEntryBytes = this.limits.maxEntryBytes): number {
    const { maxTotalBytes, maxRatio } = this.limits;
    if (entry.declaredSize > maxEntryBytes) {
      throw new ZipLimitError('entry', entry.name, maxEntryBytes);
    }
    if (this.inflated + entry.declaredSize > maxTotalBytes) {
      throw new ZipLimitError('total', entry.name, maxTotalBytes);
    }
    const data = this.dataOf(entry);
    let produced = 0;
    let stopped = false;
    // An error of the caller's (its parser declining the text) passes through as it is.
    let inConsumer = false;
    const take = (chunk: Uint8Array) => {
      if (chunk.length === 0 || stopped) {
        return;
      }
      produced += chunk.length;
      this.inflated += chunk.length;
      if (produced > maxEntryBytes) {
        throw new ZipLimitError('entry', entry.name, maxEntryBytes);
      }
      if (this.inflated > maxTotalBytes) {
        throw new ZipLimitError('total', entry.name, maxTotalBytes);
      }
      if (produced > RATIO_FLOOR && produced > Math.max(1, entry.compressedSize) * maxRatio) {
        throw new ZipLimitError('ratio', entry.name, maxRatio);
      }
      inConsumer = true;
      stopped = onChunk(chunk) === true;
      inConsumer = false;
    };
    if (entry.method === 0) {
      for (let at = 0; at < data.length && !stopped; at += STORED_STEP) {
        take(data.subarray(at, Math.min(data.length, at + STORED_STEP)));
      }
      return produced;
    }
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      take(chunk);
      ended ||= final;
    });
    try {
      for (let at = 0; at < data.length && !stopped; ) {
        const ratio = at === 0 ? 1032 : produced / at;
        const step = Math.max(MIN_INPUT_STEP, Math.min(MAX_INPUT_STEP, Math.floor(OUTPUT_STEP / Math.max(1, ratio))));
        const end = Math.min(data.length, at + step);
        inflater.push(data.subarray(at, end), end === data.length);
        at = end;
      }
      if (data.length === 0) {
        inflater.push(new Uint8Array(0), true);
      }
    } catch (error) {
      if (error instanceof ZipLimitError || inConsumer) {
        throw error;
      }
      throw new ZipFormatError(`cannot inflate ${entry.name}: ${String(error)}`, entry.name);
    }
    if (!stopped && !ended) {
      throw new ZipFormatError(`${entry.name} is cut short`, entry.name);
    }
    return produced;
  }

  /** A whole entry as bytes: for small parts only (at most `maxBytes`, by default the limit of an entry). */
  readBytes(entry: ZipEntry, maxBytes = this.limits.maxEntryBytes): Uint8Array {
    const pieces: Uint8Array[] = [];
    this.stream(
      entry,
      (chunk) => {
        pieces.push(chunk);
      },
      maxBytes,
    );
    return pieces.length === 1 ? pieces[0] : concatBytes(pieces);
  }

  private dataOf(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length || u32(b, at) !== LOCAL) {
      throw new ZipFormatError(`no local header for ${entry.name}`, entry.name);
    }
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) {
      throw new ZipFormatError(`${entry.name} runs past the end of the file`, entry.name);
    }
    return b.subarray(start, end);
  }

  private centralDirectory(): ZipEntry[] {
    const b = this.bytes;
    const { maxEntries, maxNameBytes } = this.limits;
    const end = findEnd(b);
    let count = u16(b, end + 10);
    let offset = u32(b, end + 16);
    if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && u32(b, end - 20) === ZIP64_LOCATOR) {
      const at = u64(b, end - 12);
      if (at + 56 > b.length || u32(b, at) !== ZIP64_EOCD) {
        throw new ZipFormatError('bad zip64 end record');
      }
      count = u64(b, at + 32);
      offset = u64(b, at + 48);
    }
    if (count > maxEntries) {
      throw new ZipLimitError('entries', '', maxEntries);
    }
    const entries: ZipEntry[] = [];
    let at = offset;
    for (let i = 0; i < count; i += 1) {
      if (at + 46 > b.length || u32(b, at) !== CENTRAL) {
        throw new ZipFormatError('central directory damaged');
      }
      const flags = u16(b, at + 8);
      const method = u16(b, at + 10);
      let compressedSize = u32(b, at + 20);
      let declaredSize = u32(b, at + 24);
      const nameLength = u16(b, at + 28);
      const extraLength = u16(b, at + 30);
      const commentLength = u16(b, at + 32);
      let localOffset = u32(b, at + 42);
      if (nameLength > maxNameBytes) {
        throw new ZipLimitError('name', '', maxNameBytes);
      }
      const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
      const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
      // Zip64: the real sizes and offset sit in extra field 1, in this order, for those marked 0xffffffff.
      for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
        const id = u16(b, x);
        const size = u16(b, x + 2);
        if (id === 1) {
          let y = x + 4;
          if (declaredSize === 0xffffffff) {
            declaredSize = u64(b, y);
            y += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(b, y);
            y += 8;
          }
          if (localOffset === 0xffffffff) {
            localOffset = u64(b, y);
          }
        }
        x += 4 + size;
      }
      if (flags & 1) {
        throw new ZipFormatError(`${name} is encrypted`, name);
      }
      if (method !== 0 && method !== 8) {
        throw new ZipFormatError(`${name} uses compression method ${method}`, name);
      }
      entries.push({ name, method, flags, compressedSize, declaredSize, localOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  }
}
