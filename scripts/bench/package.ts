/**
 * Bench of the 检查材料包 (wired into scripts/bench.ts by `figures.push(...(await measurePackage()))`): one
 * branch-year with 200 photos of 0.8–2.4 MB, the size of phone photos and scanned 签到表 as the app keeps them (it
 * stores the original file; random bytes behind a JPEG header: incompressible, like real photos),
 * built by buildInspectionPackage, against zipping the very same files (same paths, bytes and levels) with fflate
 * alone. Goal: the package costs at most 1.5 × the plain zip on the photo part. The ledgers and Word documents are
 * work a plain zip does not do, so they are reported on their own (the package without photos).
 * Run alone: `npx tsx scripts/bench/package.ts`.
 */
import { performance } from 'node:perf_hooks';
import { unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { generateDemoBranch } from '../../shared/demo';
import { ledgerDataset, yearPeriod, type LedgerDataset } from '../../shared/exports';
import type { AttachmentMeta } from '../../shared/model/attachment';
import {
  buildInspectionPackage,
  isCompressedAlready,
  PACKAGE_MANIFEST_ENTRY,
  verifyInspectionPackage,
  webCryptoSha256,
  type PackageDeps,
  type PackageSource,
} from '../../shared/package';
import { concatBytes } from '../../shared/zip/zip';
import { startMinutesPool } from './minutesPool';
import { demoLedgers } from '../../shared/kinds';

export interface PackageFigure {
  name: string;
  ms: number;
  note?: string;
}

export const PACKAGE_BENCH_PHOTOS = 200;
export const PACKAGE_RATIO_GOAL = 1.5;
const TODAY = '2025-12-20';
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Random-looking bytes framed as a JPEG (SOI, APP0 JFIF, …, EOI), `size` long, from a seed. */
export function jpegLikeBytes(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(size / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i += 1) {
    // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
  bytes[size - 2] = 0xff;
  bytes[size - 1] = 0xd9;
  return bytes;
}

interface BenchBranch {
  dataset: LedgerDataset;
  attachments: AttachmentMeta[];
  bytes: Map<string, Uint8Array>;
}

function benchBranch(photos: number): BenchBranch {
  const demo = generateDemoBranch({ today: TODAY });
  const meetings = demo.meetings.filter((m) => m.startAt.startsWith('2025'));
  const attachments: AttachmentMeta[] = demo.evidence.map((e) => e.meta);
  const bytes = new Map<string, Uint8Array>(demo.evidence.map((e) => [e.meta.id, new TextEncoder().encode(e.text)]));
  for (let i = 0; i < photos; i += 1) {
    const meeting = meetings[i % meetings.length];
    const size = 800 * 1024 + ((i * 7919) % (1600 * 1024));
    const id = `photo-${i}`;
    attachments.push({
      id,
      branchId: demo.branch.id,
      ownerTable: 'meetings',
      ownerId: meeting.id,
      name: '会议现场照片.jpg',
      mimeType: 'image/jpeg',
      size,
      kind: '照片',
      createdAt: meeting.startAt,
    });
    bytes.set(id, jpegLikeBytes(size, i + 1));
  }
  return {
    dataset: ledgerDataset({ branch: demo.branch, ...demoLedgers(demo, { today: TODAY }) }),
    attachments,
    bytes,
  };
}

function sourceOf(branch: BenchBranch, withPhotos: boolean): PackageSource {
  return {
    dataset: branch.dataset,
    options: { period: yearPeriod(2025), generatedOn: TODAY },
    appVersion: 'bench',
    generatedAt: `${TODAY}T10:00:00+08:00`,
    attachments: withPhotos ? branch.attachments : branch.attachments.filter((a) => !a.id.startsWith('photo-')),
    loadAttachment: async (id) => {
      const bytes = branch.bytes.get(id);
      if (!bytes) {
        throw new Error(`demo attachment ${id} missing`);
      }
      return bytes;
    },
  };
}

/** Builds the package into a counting sink; the time, the size and the highest ArrayBuffer memory seen. */
async function timeBuild(source: PackageSource, deps: PackageDeps = {}): Promise<{ ms: number; size: number; bytes: Uint8Array[]; peakBuffersMb: number }> {
  const chunks: Uint8Array[] = [];
  const before = process.memoryUsage().arrayBuffers;
  let peak = before;
  let calls = 0;
  const start = performance.now();
  await buildInspectionPackage(source, (chunk) => {
    chunks.push(chunk);
    calls += 1;
    if (calls % 64 === 0) {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }
  }, undefined, deps);
  const ms = performance.now() - start;
  return { ms, size: chunks.reduce((n, c) => n + c.byteLength, 0), bytes: chunks, peakBuffersMb: (peak - before) / 1024 / 1024 };
}

const concat = concatBytes;

/** The same entries zipped by fflate's streaming Zip alone: stored where the package stores, deflated where it deflates. */
function timePlainZip(entries: Record<string, Uint8Array>, attachments: readonly AttachmentMeta[], only?: (path: string) => boolean): number {
  const stored = new Set(attachments.filter(isCompressedAlready).map((a) => a.name));
  const start = performance.now();
  const zip = new Zip(() => undefined);
  for (const [path, bytes] of Object.entries(entries)) {
    if (only && !only(path)) {
      continue;
    }
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/ \(\d+\)(\.[^.]+)$/, '$1');
    const entry = stored.has(name) ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  return performance.now() - start;
}

export async function measurePackage(photos: number = PACKAGE_BENCH_PHOTOS): Promise<PackageFigure[]> {
  const branch = benchBranch(photos);
  const photoBytes = [...branch.bytes.entries()].filter(([id]) => id.startsWith('photo-')).reduce((n, [, b]) => n + b.byteLength, 0);
  // The Word records are made on other cores, as the app's export worker makes them (nested workers).
  const pool = await startMinutesPool();
  const deps: PackageDeps = { renderMinutes: pool.render };
  // Warm-up: ExcelJS and docx load on first use (here and in the pool's threads).
  await timeBuild(sourceOf(branch, false));
  await timeBuild(sourceOf(branch, false), deps);
  const oneThread: number[] = [];

  const full: number[] = [];
  const noPhotos: number[] = [];
  const plain: number[] = [];
  const plainPhotos: number[] = [];
  const hashing: number[] = [];
  const verifying: number[] = [];
  let verifiedOk = true;
  let last: Awaited<ReturnType<typeof timeBuild>> | undefined;
  for (let run = 0; run < RUNS; run += 1) {
    last = await timeBuild(sourceOf(branch, true), deps);
    full.push(last.ms);
    noPhotos.push((await timeBuild(sourceOf(branch, false), deps)).ms);
    oneThread.push((await timeBuild(sourceOf(branch, true))).ms);
    const whole = concat(last.bytes);
    const verifyStart = performance.now();
    verifiedOk = (await verifyInspectionPackage(whole)).ok && verifiedOk;
    verifying.push(performance.now() - verifyStart);
    const entries = unzipSync(whole);
    delete entries[PACKAGE_MANIFEST_ENTRY];
    plain.push(timePlainZip(entries, branch.attachments));
    plainPhotos.push(timePlainZip(entries, branch.attachments, (path) => path.endsWith('.jpg')));
    const hashStart = performance.now();
    for (const [id, bytes] of branch.bytes) {
      if (id.startsWith('photo-')) {
        await webCryptoSha256(bytes);
      }
    }
    hashing.push(performance.now() - hashStart);
  }
  await pool.close();
  const fullMs = median(full);
  const noPhotosMs = median(noPhotos);
  const plainMs = median(plain);
  const plainPhotosMs = median(plainPhotos);
  const photoPartMs = fullMs - noPhotosMs;
  const photoRatio = photoPartMs / plainPhotosMs;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return [
    {
      name: `inspection package: 1 branch-year + ${photos} photos (${mb(photoBytes)} MB), buildInspectionPackage (median of ${RUNS})`,
      ms: fullMs,
      note: `package ${mb(last?.size ?? 0)} MB; Word records in ${pool.size} worker thread(s) as in the app; runs ${full.map((r) => r.toFixed(0)).join(' / ')} ms`,
    },
    {
      name: '  the same package with everything in one thread (no worker for the Word records)',
      ms: median(oneThread),
      note: `runs ${oneThread.map((r) => r.toFixed(0)).join(' / ')} ms`,
    },
    {
      name: '  the same files zipped by fflate alone (same paths, bytes, levels)',
      ms: plainMs,
      note: `whole-package ratio ${(fullMs / plainMs).toFixed(2)} (goal ≤ ${PACKAGE_RATIO_GOAL}: ${fullMs / plainMs <= PACKAGE_RATIO_GOAL ? 'within' : 'OVER'}; the package also makes its ledgers and Word documents, see next line)`,
    },
    { name: '  the package without photos (ledgers, 自检报告, Word documents, manifest)', ms: noPhotosMs },
    {
      name: `  cost of the ${photos} photos in the package (with photos − without)`,
      ms: photoPartMs,
      note: `vs ${plainPhotosMs.toFixed(0)} ms to zip the photos alone: ratio ${photoRatio.toFixed(2)}, goal ≤ ${PACKAGE_RATIO_GOAL}: ${photoRatio <= PACKAGE_RATIO_GOAL ? 'within' : 'OVER'}`,
    },
    { name: '  verifyInspectionPackage of that package', ms: median(verifying), note: verifiedOk ? 'ok' : 'NOT OK' },
    { name: `  SHA-256 of the ${photos} photos alone, one after another (WebCrypto)`, ms: median(hashing), note: 'the package hashes each file while zipping it' },
  ];
}

// `npx tsx scripts/bench/package.ts` prints the figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await measurePackage();
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const figure of figures) {
    console.log(`${figure.name.padEnd(width)}  ${figure.ms.toFixed(1).padStart(8)} ms${figure.note ? `  (${figure.note})` : ''}`);
  }
}
