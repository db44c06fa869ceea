import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** The display format everywhere in the app: 2025年3月5日. */
export const DATE_FORMAT = 'YYYY年M月D日';

interface IsoDatePickerProps {
  /** `YYYY-MM-DD` (or `YYYY-MM` for month-precision values, shown as the 1st). */
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Dates after today cannot be picked (入党时间, 出生日期 …). */
  noFuture?: boolean;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

/**
 * A DatePicker bound to ISO calendar-date strings, so forms hold exactly what the store keeps. Typing
 * `2025-03-05` or `2025年3月5日` both work.
 */
export function IsoDatePicker({ value, onChange, noFuture, placeholder = '请选择日期', ...rest }: IsoDatePickerProps) {
  return (
    <DatePicker
      {...rest}
      style={{ width: '100%' }}
      format={[DATE_FORMAT, 'YYYY-MM-DD', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD']}
      placeholder={placeholder}
      value={value ? dayjs(value.length === 7 ? `${value}-01` : value) : null}
      disabledDate={noFuture ? (date) => date.isAfter(dayjs(), 'day') : undefined}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : undefined)}
    />
  );
}
