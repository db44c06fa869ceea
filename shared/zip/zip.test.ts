import { webcrypto } from 'node:crypto';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { craftZip, filled, utf8Bytes } from './craft';
import { pathProblems, unsafePathReason } from './names';
import { Sha256Stream, sha256Hex } from './sha256';
import { crc32, ZipArchive, ZipLimitError, zipLimitMessage, type ZipLimits } from './zip';

const MB = 1024 * 1024;
const LIMITS: ZipLimits = { maxEntries: 100, maxNameBytes: 200, maxEntryBytes: 8 * MB, maxTotalBytes: 12 * MB, maxRatio: 500 };

async function webSha(data: Uint8Array): Promise<string> {
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', data)).toString('hex');
}

describe('Sha256Stream', () => {
  it('matches WebCrypto for every length around the block edges and when fed in odd pieces', async () => {
    const data = new Uint8Array(300).map((_, i) => (i * 7 + 3) & 0xff);
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 300]) {
      expect(sha256Hex(data.subarray(0, length))).toBe(await webSha(data.subarray(0, length)));
    }
    const big = new Uint8Array(3 * MB + 17).map((_, i) => (i * 31) & 0xff);
    const stream = new Sha256Stream();
    for (let at = 0; at < big.length; at += 12_345) {
      stream.update(big.subarray(at, at + 12_345));
    }
    expect(stream.hex()).toBe(await webSha(big));
  });
});

describe('ZipArchive', () => {
  it('reads what fflate wrote, stored and deflated', () => {
    const zip = zipSync({ 'a.txt': utf8Bytes('你好'), 'b/c.bin': [filled(3 * MB, 7), { level: 0 }] });
    const archive = new ZipArchive(zip, LIMITS);
    expect(archive.entries.map((e) => e.name)).toEqual(['a.txt', 'b/c.bin']);
    expect(new TextDecoder().decode(archive.readBytes(archive.find('a.txt')!))).toBe('你好');
    expect(Buffer.from(archive.readBytes(archive.find('b/c.bin')!)).equals(filled(3 * MB, 7))).toBe(true);
  });

  it('stops a bomb at the entry limit although the zip declares it tiny, having inflated no more than the limit and one step', () => {
    // 1 GiB of spaces, about 1 MB on disk, declared as 100 bytes.
    const zip = craftZip([{ name: 'bomb.xml', bytes: filled(MB), times: 1024, declaredSize: 100 }]);
    expect(zip.length).toBeLessThan(2 * MB);
    const archive = new ZipArchive(zip, { ...LIMITS, maxRatio: 10_000 });
    let seen = 0;
    const error = (() => {
      try {
        archive.stream(archive.entries[0], (chunk) => {
          seen += chunk.length;
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ZipLimitError);
    expect((error as ZipLimitError).kind).toBe('entry');
    expect(seen).toBeLessThanOrEqual(8 * MB);
    expect(archive.inflated).toBeLessThan(8 * MB + 20 * MB);
    expect(zipLimitMessage(error as ZipLimitError, '工作簿')).toBe('工作簿中的“bomb.xml”解压后超过 8 MB，无法读取');
  });

  it('refuses by the declared size before inflating, by ratio, by total, by entry count and by name length', () => {
    const declared = new ZipArchive(craftZip([{ name: 'a', bytes: filled(10), declaredSize: 9 * MB }]), LIMITS);
    expect(() => declared.stream(declared.entries[0], () => undefined)).toThrow(expect.objectContaining({ kind: 'entry', path: 'a' }));

    const ratio = new ZipArchive(craftZip([{ name: 'r', bytes: filled(MB), times: 4 }]), LIMITS);
    expect(() => ratio.stream(ratio.entries[0], () => undefined)).toThrow(expect.objectContaining({ kind: 'ratio', path: 'r' }));

    const total = new ZipArchive(
      craftZip([0, 1, 2].map((i) => ({ name: `t${i}`, bytes: filled(5 * MB, i), store: true }))),
      LIMITS,
    );
    total.stream(total.entries[0], () => undefined);
    total.stream(total.entries[1], () => undefined);
    expect(() => total.stream(total.entries[2], () => undefined)).toThrow(expect.objectContaining({ kind: 'total', path: 't2' }));

    const many = craftZip(Array.from({ length: 101 }, (_, i) => ({ name: `f${i}`, bytes: filled(1) })));
    expect(() => new ZipArchive(many, LIMITS)).toThrow(expect.objectContaining({ kind: 'entries' }));
    expect(() => new ZipArchive(craftZip([{ name: 'x'.repeat(201), bytes: filled(1) }]), LIMITS)).toThrow(
      expect.objectContaining({ kind: 'name' }),
    );
  });

  it('lets the reader stop early without inflating the rest', () => {
    const archive = new ZipArchive(craftZip([{ name: 'big', bytes: filled(MB), times: 6 }]), { ...LIMITS, maxRatio: 10_000 });
    let pieces = 0;
    const produced = archive.stream(archive.entries[0], () => {
      pieces += 1;
      return true;
    });
    expect(pieces).toBe(1);
    expect(produced).toBeLessThan(6 * MB);
  });

  it('crc32 gives the standard check value, whole or in pieces', () => {
    expect(crc32(utf8Bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(utf8Bytes('56789'), crc32(utf8Bytes('1234')))).toBe(0xcbf43926);
  });

  it('craftZip repeats a block exactly (the bench and tests rely on it)', () => {
    const block = utf8Bytes('<row><c><v>1</v></c></row>'.repeat(2000));
    const archive = new ZipArchive(
      craftZip([{ name: 's', prefix: utf8Bytes('<a>'), bytes: block, times: 5, suffix: utf8Bytes('</a>') }]),
      LIMITS,
    );
    const text = new TextDecoder().decode(archive.readBytes(archive.entries[0]));
    expect(text).toBe(`<a>${new TextDecoder().decode(block).repeat(5)}</a>`);
  });
});

describe('safe paths', () => {
  it('names what is wrong with traversal, absolute, backslash, drive, control and folded duplicates', () => {
    expect(unsafePathReason('会议记录/2025-01-01_支部党员大会/记录.docx')).toBeUndefined();
    expect(unsafePathReason('../../evil.txt')).toContain('..');
    expect(unsafePathReason('a/../../b')).toContain('..');
    expect(unsafePathReason('/tmp/abs-evil.txt')).toBe('是绝对路径');
    expect(unsafePathReason('a\\b.txt')).toContain('反斜杠');
    expect(unsafePathReason('C:evil.txt')).toBe('带有盘符');
    expect(unsafePathReason('a\u0000b')).toBe('文件名含有控制字符');
    expect(unsafePathReason('a//b')).toBe('路径中有空的一级');
    // é as one code point and as e + combining accent; and a case difference.
    expect(pathProblems(['caf\u00e9.txt', 'cafe\u0301.txt', 'A.txt', 'a.txt', 'ok.txt'])).toEqual([
      { path: 'cafe\u0301.txt', reason: '与“caf\u00e9.txt”只差大小写或编码，解压后会互相覆盖' },
      { path: 'a.txt', reason: '与“A.txt”只差大小写或编码，解压后会互相覆盖' },
    ]);
  });
});
