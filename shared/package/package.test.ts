import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBranch, type DemoDataset } from '../demo';
import { CancelledError } from '../errors';
import { ledgerDataset, ledgerRowCount, meetingsInPeriod, yearPeriod, type ExportOptions, type LedgerDataset } from '../exports';
import { analysesInPeriod, buildInspectionPackage, type PackageResult, type PackageSource } from './build';
import { generateDemoAttachments, type DemoAttachments } from './demoAttachments';
import { packageManifestSchema, PACKAGE_MANIFEST_ENTRY } from './manifest';
import { MINUTES_FILE } from './paths';
import { RULE_IDS } from '../rules';
import { readInspectionPackage } from './read';
import { PackageFormatError, problemText, verifyInspectionPackage } from './verify';
import { readXlsx } from '../ledgers/read/xlsx';
import { cellText } from '../ledgers/values';
import { sha256Hex } from '../zip/sha256';
import { demoLedgers } from '../kinds';

const TODAY = '2025-11-14';
const GENERATED_AT = '2025-11-14T10:30:00+08:00';

let demo: DemoDataset;
let files: DemoAttachments;
let dataset: LedgerDataset;

function sourceOf(options: Partial<ExportOptions> = {}, loadLog?: { id: string; sunkBefore: number }[], sunk?: () => number): PackageSource {
  return {
    dataset,
    options: { period: yearPeriod(2025), generatedOn: TODAY, ...options },
    appVersion: '0.1.0',
    generatedAt: GENERATED_AT,
    attachments: files.attachments,
    loadAttachment: async (id) => {
      loadLog?.push({ id, sunkBefore: sunk?.() ?? 0 });
      const bytes = files.bytes.get(id);
      if (!bytes) {
        throw new Error(`no attachment ${id}`);
      }
      return bytes;
    },
  };
}

async function build(options: Partial<ExportOptions> = {}): Promise<{ bytes: Uint8Array; result: PackageResult; chunks: number }> {
  const chunks: Uint8Array[] = [];
  const result = await buildInspectionPackage(sourceOf(options), (chunk) => {
    chunks.push(chunk);
  });
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, result, chunks: chunks.length };
}

/** All the text of the XML parts of an xlsx or docx. */
function xmlText(officeFile: Uint8Array): string {
  const parts = unzipSync(officeFile);
  return Object.entries(parts)
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, content]) => strFromU8(content))
    .join('\n');
}

/** Re-zips a package's entries after `change`, keeping its manifest as it was. */
function rezip(bytes: Uint8Array, change: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(bytes);
  change(entries);
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(entries)) {
    zippable[name] = [content, { level: 0 }];
  }
  return zipSync(zippable);
}

let built: { bytes: Uint8Array; result: PackageResult; chunks: number };

beforeAll(async () => {
  demo = generateDemoBranch({ today: TODAY });
  files = generateDemoAttachments(demo);
  dataset = ledgerDataset({ branch: demo.branch, ...demoLedgers(demo, { today: TODAY }) });
  built = await build();
}, 60_000);

describe('buildInspectionPackage', () => {
  it('writes a package that verifies, with the counts of the period', async () => {
    const verification = await verifyInspectionPackage(built.bytes);
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
    expect(verification.branch).toEqual({ id: demo.branch.id, name: demo.branch.name });
    expect(verification.period).toEqual({ start: '2025-01-01', end: '2025-12-31', label: '2025年度' });
    const options: ExportOptions = { period: yearPeriod(2025), generatedOn: TODAY };
    expect(verification.counts).toMatchObject({
      members: ledgerRowCount('members', dataset, options),
      meetings: meetingsInPeriod(dataset, options).length,
      talks: ledgerRowCount('talks', dataset, options),
      analyses: 2,
      rectifications: ledgerRowCount('rectifications', dataset, options),
      attachments: files.attachments.length,
    });
    expect(verification.counts?.members).toBe(25);
    expect(built.result.fileName).toBe(`${demo.branch.name}_2025年度_党建台账.zip`);
    expect(built.chunks).toBeGreaterThan(10);
  });

  it('holds every expected file: ledgers, one folder per meeting with 记录.docx and its files, 整改佐证, analysis reports', () => {
    const entries = unzipSync(built.bytes);
    const names = Object.keys(entries);
    for (const ledger of ['00_自检报告.xlsx', '01_党员花名册.xlsx', '02_三会一课台账.xlsx', '03_谈心谈话台账.xlsx', '04_思想动态分析.xlsx', '05_整改台账.xlsx', '06_组织设置.xlsx']) {
      expect(names).toContain(ledger);
    }
    const options: ExportOptions = { period: yearPeriod(2025), generatedOn: TODAY };
    const minutes = names.filter((n) => n.startsWith('会议记录/') && n.endsWith(`/${MINUTES_FILE}`));
    expect(minutes).toHaveLength(meetingsInPeriod(dataset, options).length);
    // Every generated picture sits next to its meeting's 记录.docx or in its task's folder, byte for byte.
    for (const attachment of files.attachments) {
      const candidates = names.filter((n) => n.endsWith(`/${attachment.name}`) || n.includes(`/${attachment.name.replace(/\.[^.]+$/, '')} (`));
      const match = candidates.find((n) => {
        const a = entries[n];
        const b = files.bytes.get(attachment.id) as Uint8Array;
        return a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);
      });
      expect(match, attachment.name).toBeDefined();
      if (attachment.ownerTable === 'meetings') {
        const meeting = demo.meetings.find((m) => m.id === attachment.ownerId);
        expect(match?.startsWith(`会议记录/${meeting?.startAt.slice(0, 10)}_${meeting?.type}_`)).toBe(true);
        expect(names).toContain(`${match?.slice(0, match.lastIndexOf('/'))}/${MINUTES_FILE}`);
      } else {
        expect(match).toMatch(/^整改佐证\/\d{2}_[^/]+\/[^/]+$/);
      }
    }
    const reports = names.filter((n) => n.startsWith('思想动态分析/'));
    expect(reports.sort()).toEqual(['思想动态分析/2025年第三季度_思想动态分析报告.docx', '思想动态分析/2025年第二季度_思想动态分析报告.docx']);
    expect(analysesInPeriod(dataset, options)).toHaveLength(2);
    // Names are safe on Windows and short.
    for (const name of names) {
      for (const segment of name.split('/')) {
        expect(segment).not.toMatch(/[\\:*?"<>|]/);
        expect(Array.from(segment).length).toBeLessThanOrEqual(60);
      }
    }
  });

  it('lists every other file in manifest.json, written last, and marks Chinese names as UTF-8 (bit 11)', () => {
    const entries = unzipSync(built.bytes);
    const manifest = packageManifestSchema.parse(JSON.parse(strFromU8(entries[PACKAGE_MANIFEST_ENTRY])));
    // Every file but the manifest and the 自检报告, which carries the fingerprint and is bound by its content.
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      Object.keys(entries).filter((n) => n !== PACKAGE_MANIFEST_ENTRY && n !== '00_自检报告.xlsx').sort(),
    );
    expect(manifest.selfCheck).toEqual({ path: '00_自检报告.xlsx', contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(manifest.options).toEqual({ masked: false, includeAttention: false });
    expect(manifest.appVersion).toBe('0.1.0');
    expect(manifest.generatedAt).toBe(GENERATED_AT);
    // Central directory: every entry with a non-ASCII name has the language-encoding flag.
    const view = new DataView(built.bytes.buffer, built.bytes.byteOffset, built.bytes.byteLength);
    const names: string[] = [];
    for (let i = 0; i < built.bytes.byteLength - 46; i += 1) {
      if (view.getUint32(i, true) === 0x02014b50) {
        const flags = view.getUint16(i + 8, true);
        // Host Unix, a regular file readable by everyone (what Info-ZIP needs to honour the UTF-8 flag).
        expect(built.bytes[i + 5]).toBe(3);
        expect(view.getUint32(i + 38, true) >>> 16).toBe(0o100644);
        const length = view.getUint16(i + 28, true);
        const name = strFromU8(built.bytes.subarray(i + 46, i + 46 + length));
        names.push(name);
        if (/[^\x00-\x7f]/.test(name)) {
          expect(flags & 0x0800, name).toBe(0x0800);
        }
        i += 45 + length;
      }
    }
    expect(names.slice(-2)).toEqual(['00_自检报告.xlsx', PACKAGE_MANIFEST_ENTRY]);
    expect(names.length).toBe(manifest.files.length + 2);
  });

  it('loads each attachment only when its turn comes, after the previous files went to the sink', async () => {
    const loads: { id: string; sunkBefore: number }[] = [];
    let sunk = 0;
    const progress: number[] = [];
    await buildInspectionPackage(
      sourceOf({}, loads, () => sunk),
      (chunk) => {
        sunk += chunk.byteLength;
      },
      (fraction) => progress.push(fraction),
    );
    expect(loads).toHaveLength(files.attachments.length);
    for (let i = 1; i < loads.length; i += 1) {
      const previous = files.bytes.get(loads[i - 1].id) as Uint8Array;
      // The previous attachment's bytes were all handed over before this one was asked for.
      expect(loads[i].sunkBefore - loads[i - 1].sunkBefore).toBeGreaterThanOrEqual(previous.byteLength);
    }
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1])).toBe(true);
    expect(progress.at(-1)).toBe(1);
  }, 60_000);

  it('stops when cancelled, before the next file', async () => {
    let asked = 0;
    let sunk = 0;
    const build = buildInspectionPackage(
      sourceOf(),
      (chunk) => {
        sunk += chunk.byteLength;
      },
      undefined,
      { isCancelled: () => (asked += 1) > 3 },
    );
    await expect(build).rejects.toThrow(CancelledError);
    // Three files (自检报告 and two ledgers) went out, nothing after them.
    expect(asked).toBe(4);
    expect(sunk).toBeGreaterThan(0);
    expect(sunk).toBeLessThan(built.bytes.byteLength / 4);
  }, 60_000);

  it('masks 公民身份号码 in 01_党员花名册.xlsx when asked, and shows them in full otherwise', async () => {
    const masked = await build({ maskIdNumbers: true });
    const maskedText = xmlText(unzipSync(masked.bytes)['01_党员花名册.xlsx']);
    const plainText = xmlText(unzipSync(built.bytes)['01_党员花名册.xlsx']);
    for (const member of demo.members) {
      expect(maskedText).not.toContain(member.idNumber as string);
      expect(maskedText).toContain(`${member.idNumber?.slice(0, 6)}********${member.idNumber?.slice(-4)}`);
      expect(plainText).toContain(member.idNumber as string);
    }
    expect(JSON.parse(strFromU8(unzipSync(masked.bytes)[PACKAGE_MANIFEST_ENTRY])).options.masked).toBe(true);
  }, 60_000);

  it('leaves the details of 需关注 entries out of the report and the ledger unless asked for', async () => {
    const sensitive = demo.analyses.flatMap((a) => a.entries).find((e) => e.state === '需关注');
    const details = sensitive?.details as string;
    expect(details).toBeTruthy();
    const report = (bytes: Uint8Array) => {
      const entries = unzipSync(bytes);
      const name = Object.keys(entries).find((n) => n.startsWith('思想动态分析/2025年第三季度')) as string;
      return xmlText(entries[name]) + xmlText(entries['04_思想动态分析.xlsx']);
    };
    expect(report(built.bytes)).not.toContain(details);
    expect(report(built.bytes)).toContain('未列入本表');
    const withDetails = await build({ includeAttentionDetails: true });
    expect(report(withDetails.bytes)).toContain(details);
  }, 60_000);

  it('reads the self-check rows back for comparison', async () => {
    const contents = await readInspectionPackage(built.bytes);
    expect(contents.verification.ok).toBe(true);
    expect(contents.manifest.branch.name).toBe(demo.branch.name);
    expect(contents.rules.map((r) => r.label)).toContain('支部党员大会');
    // One row per rule, 民主评议, 党费 and 学时 included.
    expect(contents.rules).toHaveLength(RULE_IDS.length);
    expect(contents.rules.every((r) => ['符合', '不符合', '需注意', '提醒', '不检查'].includes(r.conclusion))).toBe(true);
    expect(contents.findings).toHaveLength(contents.manifest.counts.findings);
    expect(contents.rules.flatMap((r) => r.gaps)).toHaveLength(contents.manifest.counts.findings);
    const failing = contents.rules.find((r) => r.conclusion === '不符合');
    expect(failing?.gaps.length).toBeGreaterThan(0);
    await expect(readInspectionPackage(strToU8('不是材料包，只是一段足够长的文字而已'))).rejects.toThrow(PackageFormatError);
  }, 60_000);
});

describe('verifyInspectionPackage', () => {
  it('gives the fingerprint (SHA-256 of manifest.json) that the 报送单 of 00_自检报告 prints in groups of four', async () => {
    const entries = unzipSync(built.bytes);
    const fingerprint = sha256Hex(entries[PACKAGE_MANIFEST_ENTRY]);
    expect(built.result.fingerprint).toBe(fingerprint);
    const verification = await verifyInspectionPackage(built.bytes);
    expect(verification).toMatchObject({ ok: true, fingerprint });
    const report = await readXlsx(entries['00_自检报告.xlsx']);
    expect(report.ok && report.sheets.map((sheet) => sheet.name)).toEqual(['报送单', '自检报告', '问题清单']);
    const cover = report.ok ? report.sheets[0].rows.map((row) => row.map(cellText)) : [];
    expect(cover).toContainEqual(['材料包指纹（SHA-256）', fingerprint.match(/.{4}/g)!.join(' ')]);
    expect(cover.some((row) => row[0] === '支部书记（签字）')).toBe(true);
  });

  it('makes a recomputed manifest visible: the package is consistent again, but its fingerprint is not the signed one', async () => {
    const target = Object.keys(unzipSync(built.bytes)).find((n) => n.endsWith('会议现场.png')) as string;
    const forged = rezip(built.bytes, (entries) => {
      const copy = entries[target].slice();
      copy[copy.length - 20] ^= 0xff;
      entries[target] = copy;
      const manifest = JSON.parse(strFromU8(entries[PACKAGE_MANIFEST_ENTRY])) as { files: { path: string; sha256: string }[] };
      manifest.files.find((f) => f.path === target)!.sha256 = sha256Hex(copy);
      entries[PACKAGE_MANIFEST_ENTRY] = strToU8(JSON.stringify(manifest, null, 2));
    });
    const verification = await verifyInspectionPackage(forged);
    expect(verification.fingerprint).not.toBe(built.result.fingerprint);
    // The report's 报送单 still prints the signed fingerprint: the forgery shows inside the package too.
    expect(verification.problems).toEqual([{ path: '00_自检报告.xlsx', kind: 'altered', message: '报送单上印的材料包指纹与本材料包不符' }]);
  });

  it('binds the 自检报告 by its content: another report in its place is altered', async () => {
    const swapped = rezip(built.bytes, (entries) => {
      entries['00_自检报告.xlsx'] = entries['01_党员花名册.xlsx'];
    });
    expect((await verifyInspectionPackage(swapped)).problems).toEqual([
      { path: '00_自检报告.xlsx', kind: 'altered', message: '内容与文件清单记录的不符，已被改动' },
    ]);
  });

  it('reports an altered file by its path', async () => {
    const target = Object.keys(unzipSync(built.bytes)).find((n) => n.endsWith('会议现场.png')) as string;
    const altered = rezip(built.bytes, (entries) => {
      const copy = entries[target].slice();
      copy[copy.length - 20] ^= 0xff;
      entries[target] = copy;
    });
    const verification = await verifyInspectionPackage(altered);
    expect(verification.ok).toBe(false);
    expect(verification.problems).toEqual([{ path: target, kind: 'altered', message: '内容与文件清单记录的校验值不符，已被改动或损坏' }]);
    // The path is named once.
    expect(problemText(verification.problems[0])).toBe(`${target}：内容与文件清单记录的校验值不符，已被改动或损坏`);
  });

  it('finds one byte flipped inside the zip itself', async () => {
    // The stored photo's bytes appear verbatim in the package: flip one of them in place.
    const photo = files.attachments.find((a) => a.name === '会议现场.png') as { id: string };
    const photoBytes = files.bytes.get(photo.id) as Uint8Array;
    const probe = photoBytes.subarray(100, 132);
    let at = -1;
    for (let i = 0; i < built.bytes.byteLength - probe.length && at < 0; i += 1) {
      if (built.bytes[i] === probe[0] && probe.every((v, k) => built.bytes[i + k] === v)) {
        at = i;
      }
    }
    expect(at).toBeGreaterThan(0);
    const tampered = built.bytes.slice();
    tampered[at + 5] ^= 0x01;
    const verification = await verifyInspectionPackage(tampered);
    expect(verification.ok).toBe(false);
    expect(verification.problems.map((p) => p.kind)).toEqual(['altered']);
    expect(verification.problems[0].path).toMatch(/会议现场\.png$/);
  });

  it('reports a removed file as missing and an added one as extra', async () => {
    const removed = rezip(built.bytes, (entries) => delete entries['03_谈心谈话台账.xlsx']);
    expect((await verifyInspectionPackage(removed)).problems).toEqual([{ path: '03_谈心谈话台账.xlsx', kind: 'missing', message: '缺少文件' }]);
    const added = rezip(built.bytes, (entries) => {
      entries['会议记录/补充说明.txt'] = strToU8('后补的材料');
    });
    const verification = await verifyInspectionPackage(added);
    expect(verification.ok).toBe(false);
    expect(verification.problems).toEqual([{ path: '会议记录/补充说明.txt', kind: 'extra', message: '材料包中多出了文件清单里没有的文件' }]);
  });

  it('calls a package with a corrupt or foreign manifest, or no zip at all, invalid', async () => {
    const broken = rezip(built.bytes, (entries) => {
      entries[PACKAGE_MANIFEST_ENTRY] = strToU8('{"format": "branch-ledger-inspection-package", "version": 1');
    });
    const a = await verifyInspectionPackage(broken);
    expect(a).toMatchObject({ ok: false, branch: null, counts: null });
    expect(a.problems).toEqual([{ path: PACKAGE_MANIFEST_ENTRY, kind: 'invalid', message: expect.stringContaining('已损坏') }]);

    const wrongSchema = rezip(built.bytes, (entries) => {
      const manifest = JSON.parse(strFromU8(entries[PACKAGE_MANIFEST_ENTRY]));
      manifest.files[0].sha256 = 'not-a-hash';
      entries[PACKAGE_MANIFEST_ENTRY] = strToU8(JSON.stringify(manifest));
    });
    expect((await verifyInspectionPackage(wrongSchema)).problems[0]).toMatchObject({ kind: 'invalid', message: expect.stringContaining('files.0.sha256') });

    const noManifest = rezip(built.bytes, (entries) => delete entries[PACKAGE_MANIFEST_ENTRY]);
    expect((await verifyInspectionPackage(noManifest)).problems[0]).toMatchObject({ kind: 'invalid', message: expect.stringContaining('缺少文件清单') });

    const notZip = await verifyInspectionPackage(strToU8('这不是压缩包，只是一段文字而已，长度足够二十二个字节'));
    expect(notZip.problems).toEqual([{ path: '', kind: 'invalid', message: '这不是检查材料包（不是 zip 格式）' }]);
    expect((await verifyInspectionPackage(new Uint8Array())).problems[0].message).toContain('空');
  });
});

describe('importing a package', () => {
  it('reads the ledger workbooks inside it as ledgers, and they re-import unchanged into the data they came from', async () => {
    const { readLedgerFile } = await import('../ledgers');
    const { planLedgerImport } = await import('../imports');
    const result = await readLedgerFile('中共示例支部_2025年度_党建台账.zip', built.bytes, { today: TODAY });
    expect(result.format).toBe('package');
    expect(result.fileIssues).toEqual([]);
    const ledgers = result.sheets.filter((sheet) => sheet.ledger);
    expect(ledgers.map((sheet) => [sheet.name.split(' › ')[0], sheet.ledger])).toEqual([
      ['01_党员花名册', 'members'],
      ['02_三会一课台账', 'meetings'],
      ['03_谈心谈话台账', 'talks'],
      ['04_思想动态分析', 'analyses'],
      ['05_整改台账', 'rectifications'],
      ['07_民主评议党员', 'reviews'],
      ['08_党费收缴台账', 'dues'],
      ['09_学习培训学时', 'training'],
    ]);
    const ctx = { branchId: demo.branch.id, branches: [demo.branch], ...dataset, today: TODAY };
    for (const sheet of ledgers) {
      const rows = planLedgerImport(sheet.ledger!, sheet.rows, ctx);
      // The demo's 民主评议 results are of another year than this package's: 07 holds its header only.
      if (sheet.ledger !== 'reviews') expect(rows.length, sheet.name).toBeGreaterThan(0);
      expect(rows.filter((row) => row.action !== '跳过').map((row) => [sheet.name, row.rowNumber, row.action, JSON.stringify(row.changes)]).slice(0, 2), sheet.name).toEqual([]);
    }
  });

  it('refuses a zip that is not a package with the message to unzip it first', async () => {
    const { readLedgerFile } = await import('../ledgers');
    const other = zipSync({ 'manifest.json': strToU8('{"format":"something-else"}'), '01_党员花名册.xlsx': new Uint8Array(10) });
    const result = await readLedgerFile('别的压缩包.zip', other, { today: TODAY });
    expect(result.fileIssues.map((issue) => issue.message)).toEqual(['这是压缩包，请先解压，再选择其中的 Excel 台账文件。']);
  });
});

describe('Word records made elsewhere (renderMinutes)', () => {
  it('asks for every meeting record before the first attachment is read, and writes each where the meeting is', async () => {
    const { meetingMinutesDocx } = await import('../documents/meetingMinutes');
    const log: string[] = [];
    let calls = 0;
    // Finishes out of order, like a pool of workers would.
    const renderMinutes = async (minutes: Parameters<typeof meetingMinutesDocx>[0]) => {
      calls += 1;
      log.push('render');
      await new Promise((resolve) => setTimeout(resolve, calls % 3));
      return meetingMinutesDocx(minutes);
    };
    const source = sourceOf();
    const load = source.loadAttachment;
    source.loadAttachment = (id) => {
      log.push('load');
      return load(id);
    };
    const chunks: Uint8Array[] = [];
    await buildInspectionPackage(source, (chunk) => {
      chunks.push(chunk);
    }, undefined, { renderMinutes });
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const meetings = meetingsInPeriod(dataset, { period: yearPeriod(2025) });
    expect(calls).toBe(meetings.length);
    expect(log.indexOf('load')).toBe(meetings.length);
    const verified = await verifyInspectionPackage(bytes);
    expect(verified.ok).toBe(true);
    const entries = unzipSync(bytes);
    const records = Object.keys(entries).filter((path) => path.endsWith(`/${MINUTES_FILE}`));
    expect(records).toHaveLength(meetings.length);
    // Each folder's record is its own meeting's: the folder name carries the meeting's title.
    for (const path of records.slice(0, 5)) {
      const folder = path.split('/')[1];
      const title = folder.split('_').slice(2).join('_');
      expect(xmlText(entries[path])).toContain(title.slice(0, 6));
    }
  });
});
