import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '../demo';
import { craftZip, filled, utf8Bytes } from '../zip/craft';
import { describeBackup, readBackupArchive, writeBackupArchive, type BackupInput, type Sha256 } from './archive';
import { BACKUP_FORMAT_VERSION, type BackupManifest } from './manifest';

const sha256: Sha256 = async (data) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource))].map((b) => b.toString(16).padStart(2, '0')).join('');

const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);

// Rows as the app stores them (the model's schemas check every row of a backup).
const demo = generateDemoBranch({ today: '2025-03-05' });

function input(): BackupInput {
  return {
    createdAt: '2025-03-05T10:20:30+08:00',
    reason: 'manual',
    database: { name: 'branch-ledger', version: 1 },
    tables: {
      branches: [{ ...demo.branch }],
      members: demo.members.map((m) => ({ ...m })),
      attachments: [
        {
          id: 'a1',
          branchId: demo.branch.id,
          ownerTable: 'branches',
          ownerId: demo.branch.id,
          name: '照片.png',
          mimeType: 'image/png',
          size: photo.length,
          kind: '照片',
          createdAt: '2025-03-05T10:20:30+08:00',
          data: { $binary: { path: 'blobs/1', type: 'image/png' } },
        },
      ],
      settings: [],
    },
    binaries: new Map([['blobs/1', photo]]),
  };
}

function rezip(bytes: Uint8Array, change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(bytes);
  change(entries);
  return zipSync(entries);
}

function editManifest(bytes: Uint8Array, edit: (manifest: BackupManifest) => void): Uint8Array {
  return rezip(bytes, (entries) => {
    const manifest = JSON.parse(strFromU8(entries['manifest.json'])) as BackupManifest;
    edit(manifest);
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));
  });
}

describe('backup archive', () => {
  it('writes a zip that reads back to the same rows and bytes', async () => {
    const bytes = await writeBackupArchive(input(), sha256);
    const archive = await readBackupArchive(bytes, sha256);
    expect(archive.data.tables).toEqual(input().tables);
    expect([...archive.binaries.get('blobs/1')!]).toEqual([...photo]);
    expect(archive.manifest).toMatchObject({
      format: 'branch-ledger-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      tables: { branches: 1, members: demo.members.length, attachments: 1, settings: 0 },
      branches: [{ id: demo.branch.id, name: demo.branch.name }],
    });
    expect(archive.manifest.files.map((file) => file.path)).toEqual(['data.json', 'blobs/1']);
  });

  it('describes what a file holds', async () => {
    const description = await describeBackup(await writeBackupArchive(input(), sha256), sha256);
    expect(description).toEqual({
      ok: true,
      summary: expect.objectContaining({
        createdAt: '2025-03-05T10:20:30+08:00',
        reasonLabel: '手动备份',
        branches: [{ id: demo.branch.id, name: demo.branch.name }],
        binaryCount: 1,
        binaryBytes: photo.byteLength,
      }),
    });
  });

  it.each<[string, (bytes: Uint8Array) => Uint8Array, RegExp]>([
    ['an empty file', () => new Uint8Array(), /文件是空的/],
    ['a file that is not a zip', () => strToU8('{"tables":{}}'), /不是支部台账的备份文件（不是 zip 格式）/],
    ['a zip without manifest', () => zipSync({ 'a.txt': strToU8('x') }), /缺少 manifest\.json/],
    ['a foreign manifest', (b) => editManifest(b, (m) => ((m as { format: string }).format = 'other')), /^这不是支部台账的备份文件$/],
    ['a newer format', (b) => editManifest(b, (m) => (m.formatVersion = 99)), /更新版本的支部台账/],
    ['an incomplete manifest', (b) => editManifest(b, (m) => delete (m as Partial<BackupManifest>).branches), /说明（manifest\.json）不完整/],
    ['an altered data.json', (b) => rezip(b, (e) => (e['data.json'] = strToU8(strFromU8(e['data.json']).replace(demo.members[0].name, '王五')))), /data\.json 的校验值不符/],
    ['an altered attachment', (b) => rezip(b, (e) => (e['blobs/1'] = new Uint8Array([1, 2, 3]))), /blobs\/1 的校验值不符/],
    ['a missing attachment', (b) => rezip(b, (e) => delete e['blobs/1']), /缺少 blobs\/1/],
    ['an added entry', (b) => rezip(b, (e) => (e['blobs/evil'] = strToU8('x'))), /说明中没有的内容（blobs\/evil）/],
    ['a wrong row count', (b) => editManifest(b, (m) => (m.tables.members = 3)), /记录数/],
    ['a bomb entry', (b) => rezip(b, (e) => (e['blobs/1'] = new Uint8Array(300 * 1024 * 1024))), /备份文件中的“blobs\/1”(解压后超过 256 MB|压缩比异常)/],
    [
      'a traversal name',
      () => craftZip([{ name: '../../evil.json', bytes: utf8Bytes('{}') }, { name: 'manifest.json', bytes: utf8Bytes('{}') }]),
      /“\.\.\/\.\.\/evil\.json”文件名不安全/,
    ],
    ['an invalid manifest JSON', (b) => rezip(b, (e) => (e['manifest.json'] = strToU8('{'))), /manifest\.json 无法读取/],
  ])('refuses %s with a Chinese message', async (_what, damage, message) => {
    const bytes = damage(await writeBackupArchive(input(), sha256));
    await expect(readBackupArchive(bytes, sha256)).rejects.toThrow(message);
    const description = await describeBackup(bytes, sha256);
    expect(description.ok).toBe(false);
  });

  it('refuses a file with flipped bytes in the middle', async () => {
    const bytes = await writeBackupArchive(input(), sha256);
    for (const at of [0.3, 0.5, 0.7]) {
      const damaged = bytes.slice();
      const index = Math.floor(damaged.length * at);
      for (let i = index; i < index + 8 && i < damaged.length; i += 1) {
        damaged[i] ^= 0xff;
      }
      const description = await describeBackup(damaged, sha256);
      expect(description.ok, `flipped at ${at}`).toBe(false);
      expect(description.ok ? '' : description.error).toMatch(/备份|损坏|改动/);
    }
  });

  it('refuses rows the model refuses, even when data.json was re-hashed to match its manifest', async () => {
    // A member without a name, a branch whose committee is not an object (such rows used to restore, and one of
    // them left 设置 blank: "n.join is not a function").
    const edited = input();
    (edited.tables.members[0] as Record<string, unknown>).name = '';
    const bytes = await writeBackupArchive(edited, sha256);
    await expect(readBackupArchive(bytes, sha256)).rejects.toThrow(/^备份文件中的数据无法恢复：党员第 1 条的字段 name 不符合格式/);
    const wrongType = input();
    (wrongType.tables.branches[0] as Record<string, unknown>).committee = 'x';
    await expect(readBackupArchive(await writeBackupArchive(wrongType, sha256), sha256)).rejects.toThrow(/支部第 1 条的字段 committee/);
  });

  it('refuses a bomb before inflating it whole: a 1 GiB entry in a small file', async () => {
    const bomb = craftZip([
      { name: 'manifest.json', bytes: utf8Bytes('{}') },
      { name: 'data.json', bytes: filled(1024 * 1024), times: 1024, declaredSize: 10 },
    ]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(readBackupArchive(bomb, sha256)).rejects.toThrow(/备份文件中的“data\.json”(解压后超过 256 MB|压缩比异常)/);
  });

  it('refuses a reference to a binary that is not in the file', async () => {
    const bad = input();
    bad.tables.attachments[0].thumbnail = { $binary: { path: 'blobs/2', type: 'image/png' } };
    await expect(readBackupArchive(await writeBackupArchive(bad, sha256), sha256)).rejects.toThrow(/附件的文件内容缺失/);
  });
});
