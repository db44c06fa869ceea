/**
 * Names inside a 检查材料包. Every path segment must open on Windows (Explorer, WPS, 360压缩): no \ / : * ? " < > |
 * or control characters, no trailing dot or space, no reserved device name, and short enough that a package
 * unpacked into a deep folder stays under the 260-character path limit (≤ 60 characters a segment).
 */

export const MAX_SEGMENT_LENGTH = 60;
/** 整改佐证 folders carry the problem cut to this many characters. */
export const PROBLEM_SUMMARY_LENGTH = 20;

export const MEETINGS_FOLDER = '会议记录';
export const MINUTES_FILE = '记录.docx';
export const EVIDENCE_FOLDER = '整改佐证';
export const ANALYSES_FOLDER = '思想动态分析';

const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

function cut(text: string, max: number): string {
  // By code points, so that a character outside the BMP is never split in half.
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/** One path segment made safe for Windows; `fallback` when nothing usable is left. */
export function sanitizeSegment(text: string, fallback = '未命名', max = MAX_SEGMENT_LENGTH): string {
  let safe = text.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  safe = cut(safe, max).replace(/[. ]+$/, '').trim();
  if (!safe || /^_+$/.test(safe)) {
    safe = fallback;
  }
  return RESERVED.test(safe) ? `_${safe}` : safe;
}

/** A file name made safe, keeping its extension when the name has to be cut. */
export function sanitizeFileName(name: string, fallback = '附件'): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? sanitizeSegment(name.slice(dot + 1), '', 9) : '';
  const stem = extension ? name.slice(0, dot) : name;
  const safeStem = sanitizeSegment(stem, fallback, MAX_SEGMENT_LENGTH - (extension ? extension.length + 1 : 0));
  return extension ? `${safeStem}.${extension}` : safeStem;
}

/**
 * Hands out names unique within one folder (compared ignoring case, as Windows does): the second `照片.jpg`
 * becomes `照片 (2).jpg`.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    reserved.forEach((name) => this.taken.add(name.toLowerCase()));
  }

  claim(name: string): string {
    if (!this.taken.has(name.toLowerCase())) {
      this.taken.add(name.toLowerCase());
      return name;
    }
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    for (let n = 2; ; n += 1) {
      const suffix = ` (${n})`;
      const candidate = `${cut(stem, MAX_SEGMENT_LENGTH - suffix.length - extension.length)}${suffix}${extension}`;
      if (!this.taken.has(candidate.toLowerCase())) {
        this.taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  }
}

/** `中共示例…支部委员会_2025年度_党建台账.zip`. */
export function packageFileName(branchName: string, periodLabel: string): string {
  return `${sanitizeSegment(branchName, '支部', 80)}_${sanitizeSegment(periodLabel, '期间', 40)}_党建台账.zip`;
}

/** `2025-03-05_支部党员大会_学习贯彻…` (the folder of one meeting, not yet made unique). */
export function meetingFolderName(meeting: { startAt: string; type: string; title: string }): string {
  return sanitizeSegment(`${meeting.startAt.slice(0, 10)}_${meeting.type}_${meeting.title}`);
}

/** `03_理论学习不够系统深入…` (the 佐证 folder of one 整改任务; number = its 序号 in the ledger). */
export function evidenceFolderName(number: number, problem: string): string {
  const summary = cut(problem.replace(/\s+/g, ' ').trim(), PROBLEM_SUMMARY_LENGTH);
  return sanitizeSegment(`${String(number).padStart(2, '0')}_${sanitizeSegment(summary, '整改任务')}`);
}

/** `2025年第二季度_思想动态分析报告.docx`. */
export function analysisReportName(periodLabel: string): string {
  return `${sanitizeSegment(periodLabel, '分析', MAX_SEGMENT_LENGTH - '_思想动态分析报告.docx'.length)}_思想动态分析报告.docx`;
}
