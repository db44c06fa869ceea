import { Tag } from 'antd';
import type { Rectification, RectificationStatus } from '@shared/model';
import { deadlineLabel, deadlineState } from '@shared/rectifications';

export const STATUS_COLOR: Record<RectificationStatus, string> = {
  未启动: 'default',
  整改中: 'processing',
  已完成待验收: 'gold',
  已销号: 'success',
  长期坚持: 'purple',
};

export function StatusTag({ status }: { status: RectificationStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{status}</Tag>;
}

/** Red 逾期 N 天, orange N 天后到期 / 今天到期; nothing otherwise. */
export function DeadlineTag({ task, today }: { task: Pick<Rectification, 'status' | 'deadline'>; today: string }) {
  const state = deadlineState(task, today);
  if (state.kind === 'none') {
    return null;
  }
  return <Tag color={state.kind === 'overdue' ? 'red' : 'orange'}>{deadlineLabel(state)}</Tag>;
}
