import type { RectificationOriginTable, RectificationSource } from '../model/rectification';

/** How a task's origin is named in the UI. */
export const ORIGIN_TABLE_LABELS: Readonly<Record<RectificationOriginTable, string>> = {
  meetings: '会议记录',
  talks: '谈心谈话',
  analyses: '思想动态分析',
};

/**
 * The 问题来源 a task raised from a record starts with: the 查摆问题 of a 组织生活会 are 组织生活会 problems,
 * those of a 民主评议党员 meeting 民主评议; anything else the branch found itself (自查). The user may change it.
 */
export function sourceForOrigin(table: RectificationOriginTable, meetingType?: string): RectificationSource {
  if (table === 'meetings') {
    if (meetingType === '组织生活会') {
      return '组织生活会';
    }
    if (meetingType === '民主评议党员') {
      return '民主评议';
    }
  }
  return '自查';
}

export function isOriginTable(value: string | null | undefined): value is RectificationOriginTable {
  return value === 'meetings' || value === 'talks' || value === 'analyses';
}
