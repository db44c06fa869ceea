import { formatDate } from '@shared/dates';

/** A stored date shown the Chinese way: 2025年3月5日. */
export function DateText({ value }: { value?: string | null }) {
  return <>{formatDate(value)}</>;
}
