/**
 * Hostile zips for tests and the bench, made small: an entry is some bytes repeated (deflated piece by piece, so
 * a 3 GiB entry costs a few MB of deflate output and never 3 GiB of memory), under any name, with declared sizes
 * that may lie. The reader must survive every one of them.
 */
import { Deflate } from 'fflate';
import { encodeUtf8 } from '../text/encoding';
import { concatBytes as concat, crc32 } from './zip';

export interface CraftedEntry {
  name: string;
  /** The content: `prefix`, then `bytes` repeated `times` (default 1), then `suffix`. */
  bytes: Uint8Array;
  times?: number;
  prefix?: Uint8Array;
  suffix?: Uint8Array;
  /** Stored instead of deflated. */
  store?: boolean;
  /** The size written into the headers (default: the true size, capped at 0xffffffff). */
  declaredSize?: number;
}


/** Deflate output of `bytes` after `window` (the last 32 kB already written), ending on a byte (sync flush). */
function deflatePiece(bytes: Uint8Array, window: Uint8Array | undefined, final: boolean): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9, ...(window ? { dictionary: window } : {}) }, (chunk) => {
    out.push(chunk);
  });
  deflate.push(bytes, final);
  if (!final) {
    deflate.flush(true);
  }
  return concat(out);
}

/**
 * The entry's data as stored in the zip, its CRC and its true size. A repeated block is deflated once: after the
 * first copy the window holds the block's own tail, so every further copy compresses to the same bytes, which
 * are repeated (a sync flush ends each on a byte boundary). 3 GiB of a 1 MB block: about 3 MB, in a second.
 */
function encode(entry: CraftedEntry): { data: Uint8Array; crc: number; size: number } {
  const times = entry.times ?? 1;
  const prefix = entry.prefix ?? new Uint8Array(0);
  const suffix = entry.suffix ?? new Uint8Array(0);
  const size = prefix.length + entry.bytes.length * times + suffix.length;
  const whole = (): Uint8Array => concat([prefix, ...Array.from({ length: times }, () => entry.bytes), suffix]);
  // The CRC only while it is cheap: the readers under test do not check it, unzip tools do.
  let crc = 0;
  if (size <= 64 * 1024 * 1024) {
    crc = crc32(prefix, crc);
    for (let i = 0; i < times; i += 1) {
      crc = crc32(entry.bytes, crc);
    }
    crc = crc32(suffix, crc);
  }
  if (entry.store) {
    return { data: whole(), crc, size };
  }
  if (times <= 1 || entry.bytes.length < 32 * 1024) {
    return { data: deflatePiece(whole(), undefined, true), crc, size };
  }
  const tail = entry.bytes.subarray(entry.bytes.length - 32 * 1024);
  const first = deflatePiece(concat([prefix, entry.bytes]), undefined, false);
  const repeated = deflatePiece(entry.bytes, tail, false);
  const last = deflatePiece(suffix, tail, true);
  return { data: concat([first, ...Array.from({ length: times - 1 }, () => repeated), last]), crc, size };
}

/** A zip of the given entries, built by hand (so that names and sizes can be anything). */
export function craftZip(entries: readonly CraftedEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encodeUtf8(entry.name);
    const { data, crc, size } = encode(entry);
    const declared = Math.min(entry.declaredSize ?? size, 0xffffffff);
    const method = entry.store ? 0 : 8;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, declared, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, declared, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const directory = concat(centrals);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, Math.min(entries.length, 0xffff), true);
  ev.setUint16(10, Math.min(entries.length, 0xffff), true);
  ev.setUint32(12, directory.length, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, directory, end]);
}

/** `text` as UTF-8 bytes. */
export function utf8Bytes(text: string): Uint8Array {
  return encodeUtf8(text);
}

/** A block of `size` bytes all `value` (the usual filler of a bomb). */
export function filled(size: number, value = 0x20): Uint8Array {
  return new Uint8Array(size).fill(value);
}
