import { describe, expect, it } from 'vitest';
import { evidenceFolderName, meetingFolderName, packageFileName, sanitizeFileName, sanitizeSegment, UniqueNames } from './paths';

describe('package paths', () => {
  it('makes segments Windows-safe, trimmed and at most 60 characters', () => {
    expect(sanitizeSegment('关于“三会一课”: 落实*情况?<初稿>|A/B\\C')).toBe('关于“三会一课”_ 落实_情况_初稿_A_B_C');
    expect(sanitizeSegment('  标题.  ')).toBe('标题');
    expect(sanitizeSegment('CON')).toBe('_CON');
    expect(sanitizeSegment('???')).toBe('未命名');
    const long = sanitizeSegment('学'.repeat(100));
    expect(Array.from(long)).toHaveLength(60);
  });

  it('keeps the extension of a long file name', () => {
    const name = sanitizeFileName(`${'照片'.repeat(40)}.jpeg`);
    expect(name.endsWith('.jpeg')).toBe(true);
    expect(Array.from(name).length).toBeLessThanOrEqual(60);
    expect(sanitizeFileName('签到表:第1页.PDF')).toBe('签到表_第1页.PDF');
  });

  it('gives clashing names a number, ignoring case as Windows does', () => {
    const names = new UniqueNames(['记录.docx']);
    expect(names.claim('照片.jpg')).toBe('照片.jpg');
    expect(names.claim('照片.JPG')).toBe('照片 (2).JPG');
    expect(names.claim('照片.jpg')).toBe('照片 (3).jpg');
    expect(names.claim('记录.docx')).toBe('记录 (2).docx');
  });

  it('names the package, meeting and evidence folders', () => {
    expect(packageFileName('中共示例市民政局机关第一支部委员会', '2025年度')).toBe('中共示例市民政局机关第一支部委员会_2025年度_党建台账.zip');
    expect(meetingFolderName({ startAt: '2025-03-05T14:30:00+08:00', type: '支部党员大会', title: '学习/讨论：年度计划' })).toBe(
      '2025-03-05_支部党员大会_学习_讨论：年度计划',
    );
    expect(evidenceFolderName(3, '理论学习不够系统深入，学习习近平新时代中国特色社会主义思想存在“学用脱节”')).toBe('03_理论学习不够系统深入，学习习近平新时代中');
  });
});
