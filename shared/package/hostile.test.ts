// Hostile 检查材料包, made at test time: traversal names with their right hashes, names that collide on disk,
// 20,000 tiny entries, entries that inflate to 1 GiB, a manifest recomputed after a change.
import { describe, expect, it } from 'vitest';
import { filled, utf8Bytes, type CraftedEntry } from '../zip/craft';
import { craftPackage } from './craftPackage';
import { sha256Hex } from '../zip/sha256';
import { verifyInspectionPackage } from './verify';

const MB = 1024 * 1024;

/** A package holding `files`, its manifest listing `listed` (default: the same) by their true size and hash. */
function craftFiles(files: { path: string; bytes: Uint8Array }[], listed = files, extra: CraftedEntry[] = []): Uint8Array {
  return craftPackage(
    [...files.map((f) => ({ name: f.path, bytes: f.bytes })), ...extra],
    listed.map((f) => ({ path: f.path, size: f.bytes.length, sha256: sha256Hex(f.bytes) })),
  );
}

describe('verify: names', () => {
  it('fails traversal, absolute and backslash paths listed with their right hashes, naming each path once', async () => {
    const evil = ['../../evil.txt', '/tmp/abs-evil.txt', 'a\\b.txt', 'C:/evil.txt', 'x\u0001.txt'].map((path) => ({ path, bytes: utf8Bytes('evil') }));
    const result = await verifyInspectionPackage(craftFiles([{ path: '01_党员花名册.xlsx', bytes: utf8Bytes('ok') }, ...evil]));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.path, p.kind])).toEqual(evil.map((e) => [e.path, 'invalid']));
    expect(result.problems[0].message).toBe('文件名不安全：含有“..”，指向材料包以外');
    expect(result.problems.every((p) => !p.message.includes(p.path))).toBe(true);
  });

  it('fails names that would overwrite each other once unpacked (case, Unicode normal forms)', async () => {
    const result = await verifyInspectionPackage(
      craftFiles([
        { path: '会议记录/Photo.jpg', bytes: utf8Bytes('a') },
        { path: '会议记录/photo.jpg', bytes: utf8Bytes('b') },
        { path: 'caf\u00e9.txt', bytes: utf8Bytes('c') },
        { path: 'cafe\u0301.txt', bytes: utf8Bytes('d') },
      ]),
    );
    expect(result.problems.map((p) => p.path)).toEqual(['会议记录/photo.jpg', 'cafe\u0301.txt']);
    expect(result.problems[0].message).toContain('只差大小写或编码');
  });
});

describe('verify: size and count', () => {
  it('verifies a package of 20,000 tiny entries (each entry read once: linear)', async () => {
    const files = Array.from({ length: 20_000 }, (_, i) => ({ path: `会议记录/${String(i).padStart(5, '0')}.txt`, bytes: utf8Bytes(`第${i}份`) }));
    const result = await verifyInspectionPackage(craftFiles(files));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('refuses an entry declared at 1 GiB before inflating it, and stops one that lies about its size at the listed size', async () => {
    const listed = [{ path: '会议记录/照片.jpg', bytes: filled(10) }];
    const honest = craftFiles([], listed, [{ name: '会议记录/照片.jpg', bytes: filled(MB, 0), times: 1024 }]);
    expect((await verifyInspectionPackage(honest)).problems).toEqual([{ path: '会议记录/照片.jpg', kind: 'invalid', message: '解压后超过 256 MB，无法读取' }]);
    const lying = craftFiles([], listed, [{ name: '会议记录/照片.jpg', bytes: filled(MB, 0), times: 1024, declaredSize: 10 }]);
    const before = process.memoryUsage().rss;
    const result = await verifyInspectionPackage(lying);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * MB);
    // The hash stops at the first byte past the listed size.
    expect(result.problems).toEqual([{ path: '会议记录/照片.jpg', kind: 'altered', message: '内容与文件清单记录的校验值不符，已被改动或损坏' }]);
  });

  it('reports an entry past the entry limit as too large', async () => {
    // The manifest claims the right size of a 300 MB entry, the zip 1,000 bytes: the inflater stops at 256 MB.
    const bytes = craftPackage(
      [{ name: 'big.bin', bytes: filled(MB, 0), times: 300, declaredSize: 1000 }],
      [{ path: 'big.bin', size: 300 * MB, sha256: '0'.repeat(64) }],
    );
    const result = await verifyInspectionPackage(bytes);
    expect(result.problems).toEqual([{ path: 'big.bin', kind: 'invalid', message: expect.stringMatching(/^(解压后超过 256 MB|压缩比异常)/) }]);
  });
});
