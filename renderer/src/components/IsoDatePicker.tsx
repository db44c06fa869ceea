import { CalendarOutlined, DoubleLeftOutlined, DoubleRightOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Calendar, Flex, Form, Input, Popover, Typography, type FormItemProps, type InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatDate, formatDateInput, parseDateInput, todayIso, type DateInputOptions, type DateInputPrecision } from '@shared/dates';

interface DateKind {
  /** Only a year and month may be written (1985年6月): member dates whose source knew no day. */
  allowMonth?: boolean;
  /** A day and a time of day (会议开始时间): the value is `YYYY-MM-DD HH:mm`. */
  withTime?: boolean;
  /** Dates after today are refused (入党时间, 出生日期 …). */
  noFuture?: boolean;
}

export interface IsoDatePickerProps extends DateKind {
  /** `YYYY-MM-DD`, `YYYY-MM` (allowMonth), `YYYY-MM-DD HH:mm` (withTime); text that could not be read stays as typed. */
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  'aria-label'?: string;
  /** Set by Form.Item: its help and error lines describe the input. */
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-required'?: boolean | 'true' | 'false';
  /** Say under the field why typed text cannot be read; DateField leaves that to its rule. */
  showError?: boolean;
}

function optionsOf({ allowMonth, withTime, noFuture }: DateKind): DateInputOptions & { precision: DateInputPrecision } {
  return { precision: withTime ? 'minute' : allowMonth ? 'dayOrMonth' : 'day', noFuture };
}

const PLACEHOLDER: Record<DateInputPrecision, string> = {
  day: '如 2025.3.5',
  dayOrMonth: '如 2025.3.5 或 1985.6',
  minute: '如 2025.3.5 14:30',
};

/**
 * The one date field of the app. It takes what people type (2019.6.18, 2019/6/18, 20190618, 2019年6月18日 …, read by
 * `parseDateInput` in shared/dates), leaves the text alone while it is typed, and reads it when the field is left or
 * Enter is pressed (Enter confirms the date, it never submits the form). Then it shows the value it keeps, the
 * Chinese way; text it cannot read stays visible, goes to the form as typed (so the form's rule refuses it) and,
 * unless `showError` is off, is explained under the field. The calendar button opens a month to click a day in.
 */
export function IsoDatePicker({
  value,
  onChange,
  placeholder,
  showError = true,
  disabled,
  id,
  'aria-label': ariaLabel,
  'aria-describedby': describedBy,
  'aria-invalid': invalid,
  'aria-required': required,
  ...kind
}: IsoDatePickerProps) {
  const options = optionsOf(kind);
  const { precision } = options;
  const [text, setText] = useState(() => formatDateInput(value, precision));
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState(false);
  const input = useRef<InputRef>(null);
  const errorId = `${useId()}-error`;
  /** The value this field last showed or sent: anything else arriving is a change from outside (reset, ID number). */
  const held = useRef(value);

  useEffect(() => {
    if (value !== held.current) {
      held.current = value;
      setText(formatDateInput(value, precision));
      setError(undefined);
    }
  }, [value, precision]);

  function send(next: string | undefined) {
    if (next !== held.current) {
      held.current = next;
      onChange?.(next);
    }
  }

  function commit(typed: string) {
    const read = parseDateInput(typed, options, todayIso());
    if (read.ok) {
      setText(formatDateInput(read.value, precision));
      setError(undefined);
      send(read.value);
    } else {
      setError(read.message);
      send(typed.trim());
    }
  }

  function pick(day: Dayjs) {
    const iso = day.format('YYYY-MM-DD');
    setOpen(false);
    if (precision !== 'minute') {
      commit(iso);
      return;
    }
    // A day clicked for a meeting keeps the time already there; without one the user types it.
    const current = parseDateInput(text, options, todayIso());
    const time = current.ok && current.value ? current.value.slice(11) : undefined;
    if (time) {
      commit(`${iso} ${time}`);
    } else {
      setText(`${formatDate(iso)} `);
      input.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      commit(text);
      setOpen(false);
      // Ctrl+Enter still reaches a form that saves on it; a plain Enter stops here.
      if (!event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        event.stopPropagation();
      }
    } else if (event.key === 'Escape' && open) {
      // The first Esc closes the calendar, not the dialog around the field.
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'ArrowDown' && event.altKey) {
      setOpen(true);
    }
  }

  const shownDay = (() => {
    const read = parseDateInput(text, options, '9999-12-31');
    return read.ok && read.value ? dayjs(read.value.slice(0, 10)) : undefined;
  })();

  const calendar = (
    // Clicks in the calendar keep the focus in the field, so leaving the field is what commits the text.
    <div style={{ width: 280 }} onMouseDown={(event) => event.preventDefault()}>
      <Calendar
        // Follows the text as it becomes a readable day.
        key={shownDay?.format('YYYY-MM-DD') ?? 'today'}
        fullscreen={false}
        defaultValue={shownDay ?? dayjs()}
        disabledDate={kind.noFuture ? (day) => day.isAfter(dayjs(), 'day') : undefined}
        headerRender={({ value: month, onChange: move }) => <MonthHeader month={month} onMove={move} />}
        onSelect={(day, { source }) => {
          if (source === 'date') {
            pick(day);
          }
        }}
      />
    </div>
  );

  return (
    <div>
      <Popover open={open && !disabled} content={calendar} placement="bottomLeft" arrow={false} trigger={[]} destroyOnHidden>
        <Input
          ref={input}
          id={id}
          aria-label={ariaLabel}
          aria-describedby={[describedBy, showError && error ? errorId : undefined].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : invalid}
          aria-required={required}
          autoComplete="off"
          disabled={disabled}
          value={text}
          placeholder={placeholder ?? PLACEHOLDER[precision]}
          status={error ? 'error' : undefined}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => {
            setOpen(false);
            commit(text);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          suffix={
            <CalendarOutlined
              role="button"
              aria-label="打开日历"
              style={{ cursor: disabled ? undefined : 'pointer', color: 'rgba(0,0,0,0.45)' }}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                if (!disabled) {
                  input.current?.focus();
                  setOpen(true);
                }
              }}
            />
          }
        />
      </Popover>
      {showError && error && (
        <Typography.Text id={errorId} type="danger" role="alert" style={{ display: 'block', fontSize: 14, lineHeight: 1.6 }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}

function MonthHeader({ month, onMove }: { month: Dayjs; onMove: (month: Dayjs) => void }) {
  const step = (amount: number, unit: 'year' | 'month') => () => onMove(month.add(amount, unit));
  return (
    <Flex align="center" justify="space-between" style={{ padding: '4px 4px 8px' }}>
      <span>
        <Button type="text" size="small" aria-label="上一年" icon={<DoubleLeftOutlined />} onClick={step(-1, 'year')} />
        <Button type="text" size="small" aria-label="上个月" icon={<LeftOutlined />} onClick={step(-1, 'month')} />
      </span>
      <Typography.Text strong>{month.format('YYYY年M月')}</Typography.Text>
      <span>
        <Button type="text" size="small" aria-label="下个月" icon={<RightOutlined />} onClick={step(1, 'month')} />
        <Button type="text" size="small" aria-label="下一年" icon={<DoubleRightOutlined />} onClick={step(1, 'year')} />
      </span>
    </Flex>
  );
}

/** The rule of a date field: text the field could not read (kept as typed) is refused, with the reason. */
export function dateRule(kind: DateKind) {
  const options = optionsOf(kind);
  return {
    validator: async (_: unknown, value: unknown) => {
      if (typeof value !== 'string' || value === '') {
        return;
      }
      const read = parseDateInput(value, options, todayIso());
      if (!read.ok) {
        throw new Error(read.message);
      }
    },
  };
}

export interface DateFieldProps extends Omit<FormItemProps, 'children'>, DateKind {
  placeholder?: string;
  disabled?: boolean;
  /** The input's own name, where the Form.Item has no label to name it. */
  inputLabel?: string;
}

/** A form's date field: the Form.Item with the date rule and the one date input. */
export function DateField({ allowMonth, withTime, noFuture, placeholder, disabled, inputLabel, rules = [], ...item }: DateFieldProps) {
  const kind = { allowMonth, withTime, noFuture };
  return (
    <Form.Item {...item} rules={[...rules, dateRule(kind)]}>
      <IsoDatePicker {...kind} placeholder={placeholder} disabled={disabled} aria-label={inputLabel} showError={false} />
    </Form.Item>
  );
}
