/**
 * Builds the 检查材料包: one zip holding the 自检报告, the six ledgers, each meeting's 记录.docx with its files, the
 * 佐证材料 of each 整改任务, the 思想动态分析报告 of the period, and manifest.json (written last) with the SHA-256 of
 * every other file. Written through fflate's streaming Zip: each file is made (or, for an attachment, loaded)
 * only when its turn comes and its bytes go to `sink` before the next one is touched, so hundreds of photos
 * never sit in memory together. Pure: runs in Node, the browser and a worker.
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { analysisPeriodLabel, buildAnalysisReport, teamStatistics } from '../analyses';
import { formatDate } from '../dates';
import { CancelledError } from '../errors';
import { analysisReportDocx } from '../documents/analysisReport';
import { meetingMinutesDocx } from '../documents/meetingMinutes';
import {
  buildLedgerWorkbookParts,
  buildSelfCheckWorkbook,
  LEDGER_EXPORT_KINDS,
  LEDGER_EXPORT_TITLES,
  ledgerRowCount,
  meetingsInPeriod,
  rectificationsInPeriod,
  ROWS_PER_PART,
  SELF_CHECK_FILE,
  type ExportOptions,
  type PackageCover,
  type LedgerDataset,
} from '../exports';
import { buildMinutes, votingText, type MeetingMinutes } from '../meetings';
import type { AttachmentMeta } from '../model/attachment';
import type { Meeting } from '../model/meeting';
import { DEFAULT_RULE_SETTINGS, quorumOf, type Finding } from '../rules';
import { packageFindings } from './findings';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_MANIFEST_ENTRY,
  PACKAGE_COUNT_KEYS,
  PACKAGE_COUNT_LABELS,
  packageCounts,
  packageManifestSchema,
  type PackageCounts,
  type PackageFileEntry,
  type PackageManifest,
} from './manifest';
import { readSelfCheckContent } from './selfCheckContent';
import { sha256Hex } from '../zip/sha256';
import {
  ANALYSES_FOLDER,
  analysisReportName,
  EVIDENCE_FOLDER,
  evidenceFolderName,
  meetingFolderName,
  MEETINGS_FOLDER,
  MINUTES_FILE,
  packageFileName,
  sanitizeFileName,
  UniqueNames,
} from './paths';
import { webCryptoSha256, type Sha256 } from './sha256';

export interface PackageSource {
  dataset: LedgerDataset;
  options: ExportOptions;
  /** package.json version of the app that made the package. */
  appVersion: string;
  /** ISO instant with offset. */
  generatedAt: string;
  /** The findings when the caller already ran the rules; otherwise packageFindings computes them. */
  findings?: readonly Finding[];
  /** Metadata of the branch's attachments (any owner); those of records in the package are written. */
  attachments: readonly AttachmentMeta[];
  /** The bytes of one attachment, asked for only when it is written. */
  loadAttachment(id: string): Promise<Uint8Array>;
}

/** Receives the zip in order, chunk by chunk; may be async (a file stream honouring back-pressure). */
export type PackageSink = (chunk: Uint8Array) => void | Promise<void>;
/** fraction 0…1 after each file, and what is being done (Chinese). */
export type PackageProgress = (fraction: number, stage: string) => void;

/** `党员 25，会议 59，…` for the 报送单. */
export function countsText(counts: PackageCounts): string {
  return PACKAGE_COUNT_KEYS.map((key) => `${PACKAGE_COUNT_LABELS[key]} ${counts[key]}`).join('，');
}

/** Makes the 记录.docx of one meeting from its 会议记录本 layout (plain data, so it can cross to another thread). */
export type MinutesRenderer = (minutes: MeetingMinutes) => Promise<Uint8Array>;

export interface PackageDeps {
  sha256?: Sha256;
  /**
   * Where the Word records are made. Absent: here, one at a time, when each is written. Given (a pool of workers in
   * the app and the bench), every meeting's record is asked for at the start, so that they are made on other cores
   * while this thread zips the photos; they are small (about 15 kB each) and wait in memory until written.
   */
  renderMinutes?: MinutesRenderer;
  /** Asked before each file: true stops the build with a CancelledError (the sink keeps a partial zip). */
  isCancelled?: () => boolean;
}

export interface PackageResult {
  manifest: PackageManifest;
  /** SHA-256 of manifest.json (hex): printed on the 报送单, shown by verify. */
  fingerprint: string;
  /** `<支部名称>_<期间>_党建台账.zip`. */
  fileName: string;
  /** Bytes handed to the sink. */
  size: number;
}

interface PlannedFile {
  path: string;
  stage: string;
  /** Deflate (xlsx, docx, text); photos, PDFs and other compressed files are stored as they are. */
  deflate: boolean;
  bytes: () => Promise<Uint8Array>;
}

/** Several files made by one generator (a ledger too long for one workbook comes in parts). */
interface PlannedGroup {
  stage: string;
  /** How many files it will yield, for the progress bar. */
  count: number;
  deflate: boolean;
  files: () => AsyncIterable<{ path: string; bytes: Uint8Array }>;
}

type PlannedStep = PlannedFile | PlannedGroup;

import { analysesInPeriod } from '../exports/analyses';

export { analysesInPeriod };

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const STORED = /^(image\/(jpe?g|png|gif|webp|heic|heif)|application\/(pdf|zip|x-7z-compressed|x-rar-compressed|vnd\.rar|gzip|ofd)|video\/|audio\/)/i;
const STORED_EXTENSIONS = /\.(jpe?g|png|gif|webp|heic|heif|pdf|zip|7z|rar|gz|ofd|mp4|mov|mp3|m4a)$/i;

export function isCompressedAlready(attachment: Pick<AttachmentMeta, 'name' | 'mimeType'>): boolean {
  return STORED.test(attachment.mimeType) || STORED_EXTENSIONS.test(attachment.name);
}

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function attachmentsByOwner(attachments: readonly AttachmentMeta[], table: AttachmentMeta['ownerTable']): Map<string, AttachmentMeta[]> {
  const byOwner = new Map<string, AttachmentMeta[]>();
  for (const attachment of attachments) {
    if (attachment.ownerTable === table) {
      const list = byOwner.get(attachment.ownerId) ?? [];
      list.push(attachment);
      byOwner.set(attachment.ownerId, list);
    }
  }
  for (const list of byOwner.values()) {
    list.sort(byKey((a) => `${a.createdAt}\u0000${a.name}\u0000${a.id}`));
  }
  return byOwner;
}

/** The files of a package in the order they are written (manifest.json aside), nothing made yet. */
function planFiles(
  source: PackageSource,
  findings: readonly Finding[],
  renderMinutes: MinutesRenderer | undefined,
): { files: PlannedStep[]; attachmentCount: number } {
  const { dataset, options } = source;
  const ruleSettings = options.ruleSettings ?? DEFAULT_RULE_SETTINGS;
  const names = new Map(dataset.members.map((m) => [m.id, m.name]));
  const nameOf = (id: string | undefined) => (id ? (names.get(id) ?? '（已删除的人员）') : '');
  const load = (attachment: AttachmentMeta) => async () => {
    const bytes = await source.loadAttachment(attachment.id);
    if (!(bytes instanceof Uint8Array)) {
      throw new Error(`附件“${attachment.name}”的内容无法读取`);
    }
    return bytes;
  };
  let attachmentCount = 0;

  const files: PlannedStep[] = [
    ...LEDGER_EXPORT_KINDS.map((kind) => ({
      stage: `生成${LEDGER_EXPORT_TITLES[kind]}`,
      count: Math.max(1, Math.ceil(ledgerRowCount(kind, dataset, options) / ROWS_PER_PART)),
      deflate: true,
      files: async function* () {
        for await (const part of buildLedgerWorkbookParts(kind, dataset, options)) {
          yield { path: part.fileName, bytes: part.bytes };
        }
      },
    })),
  ];

  // 会议记录/<date>_<type>_<title>/记录.docx and the meeting's own files.
  const meetingFiles = attachmentsByOwner(source.attachments, 'meetings');
  const meetingFolders = new UniqueNames();
  const meetings = [...meetingsInPeriod(dataset, options)].sort(byKey((m: Meeting) => `${m.startAt.slice(0, 16)}\u0000${m.type}\u0000${m.title}\u0000${m.id}`));
  const layoutOf = (meeting: Meeting): MeetingMinutes => {
    const voting = votingText(quorumOf(meeting, dataset.members, dataset.branch, ruleSettings));
    return buildMinutes(meeting, {
      branchName: dataset.branch.name,
      nameOf,
      partyGroupName: dataset.branch.partyGroups.find((g) => g.id === meeting.partyGroupId)?.name,
      votingSummary: voting.lines,
      verdicts: voting.verdicts,
    });
  };
  const minutesOf = (meeting: Meeting): (() => Promise<Uint8Array>) => {
    if (!renderMinutes) {
      return () => meetingMinutesDocx(layoutOf(meeting));
    }
    const made = renderMinutes(layoutOf(meeting));
    made.catch(() => undefined); // awaited when written; a build stopped earlier must not leave it unhandled
    return () => made;
  };
  for (const meeting of meetings) {
    const folder = `${MEETINGS_FOLDER}/${meetingFolders.claim(meetingFolderName(meeting))}`;
    files.push({
      path: `${folder}/${MINUTES_FILE}`,
      stage: `生成会议记录：${formatDate(meeting.startAt.slice(0, 10))} ${meeting.title}`,
      deflate: true,
      bytes: minutesOf(meeting),
    });
    const inFolder = new UniqueNames([MINUTES_FILE]);
    for (const attachment of meetingFiles.get(meeting.id) ?? []) {
      attachmentCount += 1;
      files.push({
        path: `${folder}/${inFolder.claim(sanitizeFileName(attachment.name))}`,
        stage: `写入附件：${attachment.name}`,
        deflate: !isCompressedAlready(attachment),
        bytes: load(attachment),
      });
    }
  }

  // 整改佐证/<序号>_<问题摘要>/: numbered as in 05_整改台账.xlsx.
  const evidence = attachmentsByOwner(source.attachments, 'rectifications');
  const evidenceFolders = new UniqueNames();
  rectificationsInPeriod(dataset, options).forEach((task, index) => {
    const taskFiles = evidence.get(task.id) ?? [];
    if (taskFiles.length === 0) {
      return;
    }
    const folder = `${EVIDENCE_FOLDER}/${evidenceFolders.claim(evidenceFolderName(index + 1, task.problem))}`;
    const inFolder = new UniqueNames();
    for (const attachment of taskFiles) {
      attachmentCount += 1;
      files.push({
        path: `${folder}/${inFolder.claim(sanitizeFileName(attachment.name))}`,
        stage: `写入整改佐证：${attachment.name}`,
        deflate: !isCompressedAlready(attachment),
        bytes: load(attachment),
      });
    }
  });

  // 思想动态分析/<期间>_思想动态分析报告.docx, sensitive details only when asked for.
  const reportNames = new UniqueNames();
  for (const analysis of analysesInPeriod(dataset, options)) {
    const label = analysisPeriodLabel(analysis);
    files.push({
      path: `${ANALYSES_FOLDER}/${reportNames.claim(analysisReportName(label))}`,
      stage: `生成思想动态分析报告：${label}`,
      deflate: true,
      bytes: () =>
        analysisReportDocx(
          buildAnalysisReport(analysis, {
            branchName: dataset.branch.name,
            nameOf,
            statistics: teamStatistics(dataset.members, analysis.periodEnd, dataset.branch),
            settings: dataset.analysisSettings,
            includeSensitive: options.includeAttentionDetails ?? false,
          }),
        ),
    });
  }
  return { files, attachmentCount };
}

const ZIP_HOST_UNIX = 3;
const FILE_MODE_0644 = 0o100644;

/** The zip's modification time: the moment the package was made (fflate writes local DOS time, 1980–2099). */
function zipTime(generatedAt: string): Date {
  const date = new Date(generatedAt);
  return Number.isNaN(date.getTime()) || date.getFullYear() < 1980 || date.getFullYear() > 2099 ? new Date(2000, 0, 1) : date;
}

export async function buildInspectionPackage(
  source: PackageSource,
  sink: PackageSink,
  onProgress?: PackageProgress,
  deps: PackageDeps = {},
): Promise<PackageResult> {
  const sha256 = deps.sha256 ?? webCryptoSha256;
  const { dataset, options } = source;
  const findings =
    source.findings ??
    packageFindings({
      dataset,
      period: options.period,
      today: options.generatedOn,
      ruleSettings: options.ruleSettings,
      attachments: source.attachments,
    });
  const { files, attachmentCount } = planFiles(source, findings, deps.renderMinutes);
  // Every planned file, the 自检报告 and the manifest.
  const total = files.reduce((sum, step) => sum + ('count' in step ? step.count : 1), 2);
  const mtime = zipTime(source.generatedAt);

  // fflate calls back synchronously while a file is pushed; the chunks wait here until the sink took them.
  const pending: Uint8Array[] = [];
  let failure: Error | undefined;
  let size = 0;
  const zip = new Zip((error, chunk) => {
    if (error) {
      failure = error;
      return;
    }
    pending.push(chunk);
  });
  const flush = async () => {
    if (failure) {
      throw failure;
    }
    let chunk: Uint8Array | undefined;
    while ((chunk = pending.shift()) !== undefined) {
      size += chunk.byteLength;
      await sink(chunk);
    }
  };
  const write = async (path: string, bytes: Uint8Array, deflate: boolean) => {
    const entry = deflate ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    entry.mtime = mtime;
    // Made on "Unix" with mode 0644: Windows (Explorer, WPS, 7-Zip) reads the names by the UTF-8 flag (bit 11, which
    // fflate sets for any non-ASCII name) whatever the host; Info-ZIP unzip (统信UOS, 麒麟, Debian) ignores that flag
    // for archives made on MS-DOS, fflate's default host, and shows the Chinese names garbled.
    entry.os = ZIP_HOST_UNIX;
    entry.attrs = FILE_MODE_0644 * 0x10000;
    zip.add(entry);
    entry.push(bytes, true);
    await flush();
  };

  const entries: PackageFileEntry[] = [];
  let done = 0;
  const add = async (path: string, bytes: Uint8Array, deflate: boolean) => {
    // WebCrypto hashes off the main thread (Node's thread pool, the browser's crypto thread): start it, zip meanwhile.
    const hash = sha256(bytes);
    hash.catch(() => undefined); // awaited below; no unhandled rejection if the write fails first
    await write(path, bytes, deflate);
    entries.push({ path, size: bytes.byteLength, sha256: await hash });
    done += 1;
  };
  const checkCancelled = () => {
    if (deps.isCancelled?.()) {
      throw new CancelledError('生成检查材料包');
    }
  };
  for (const step of files) {
    checkCancelled();
    onProgress?.(Math.min(done / total, 1), step.stage);
    if ('count' in step) {
      for await (const file of step.files()) {
        checkCancelled();
        await add(file.path, file.bytes, step.deflate);
      }
    } else {
      await add(step.path, await step.bytes(), step.deflate);
    }
  }

  // The 自检报告 goes last: its 报送单 prints the fingerprint of the manifest, which binds the report by its content
  // (selfCheckContent.ts). Made once with a placeholder to hash the content, then again with the fingerprint.
  checkCancelled();
  onProgress?.(done / total, '生成自检报告');
  const counts: PackageCounts = packageCounts(dataset, options, { attachments: attachmentCount, findings: findings.length });
  const cover = (fingerprint: string): PackageCover => ({
    branchName: dataset.branch.name,
    periodLabel: options.period.label,
    generatedOn: options.generatedOn,
    contents: countsText(counts),
    fingerprint,
  });
  const draft = await buildSelfCheckWorkbook([...findings], dataset, options, cover('0'.repeat(64)));
  const { contentSha256 } = await readSelfCheckContent(draft);
  const manifest: PackageManifest = packageManifestSchema.parse({
    format: PACKAGE_FORMAT,
    version: PACKAGE_FORMAT_VERSION,
    appVersion: source.appVersion,
    branch: { id: dataset.branch.id, name: dataset.branch.name },
    period: { start: options.period.start, end: options.period.end, label: options.period.label },
    generatedAt: source.generatedAt,
    options: { masked: options.maskIdNumbers ?? false, includeAttention: options.includeAttentionDetails ?? false },
    counts,
    selfCheck: { path: SELF_CHECK_FILE, contentSha256 },
    files: entries,
  } satisfies PackageManifest);
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  const fingerprint = sha256Hex(manifestBytes);
  await write(SELF_CHECK_FILE, await buildSelfCheckWorkbook([...findings], dataset, options, cover(fingerprint)), true);
  done += 1;
  onProgress?.(done / total, '写入文件清单');
  await write(PACKAGE_MANIFEST_ENTRY, manifestBytes, true);
  zip.end();
  await flush();
  onProgress?.(1, '完成');
  return { manifest, fingerprint, fileName: packageFileName(dataset.branch.name, options.period.label), size };
}
