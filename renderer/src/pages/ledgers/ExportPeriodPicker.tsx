import { Flex, Radio, Select, Typography } from 'antd';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { periodOf, yearOptions, type PeriodChoice } from './exportModel';

interface ExportPeriodPickerProps {
  value: PeriodChoice;
  onChange: (value: PeriodChoice) => void;
  thisYear: number;
  disabled?: boolean;
}

/** 期间: a year (default this year) or a range of dates, with the label the files will carry or what is missing. */
export function ExportPeriodPicker({ value, onChange, thisYear, disabled }: ExportPeriodPickerProps) {
  const result = periodOf(value);
  return (
    <Flex vertical gap={8}>
      <Radio.Group
        aria-label="期间方式"
        disabled={disabled}
        value={value.mode}
        onChange={(event) => onChange(event.target.value === 'year' ? { mode: 'year', year: thisYear } : { mode: 'range' })}
        options={[
          { value: 'year', label: '按年度' },
          { value: 'range', label: '自定义期间' },
        ]}
      />
      {value.mode === 'year' ? (
        <Select
          aria-label="年度"
          disabled={disabled}
          style={{ width: 160 }}
          value={value.year}
          onChange={(year: number) => onChange({ mode: 'year', year })}
          options={yearOptions(thisYear).map((year) => ({ value: year, label: `${year}年度` }))}
        />
      ) : (
        <Flex gap={8} align="center" wrap>
          <div style={{ width: 180 }}>
            <IsoDatePicker aria-label="开始日期" placeholder="开始日期" disabled={disabled} value={value.start} onChange={(start) => onChange({ ...value, start })} />
          </div>
          <span>至</span>
          <div style={{ width: 180 }}>
            <IsoDatePicker aria-label="结束日期" placeholder="结束日期" disabled={disabled} value={value.end} onChange={(end) => onChange({ ...value, end })} />
          </div>
        </Flex>
      )}
      <Typography.Text type={result.ok ? 'secondary' : 'warning'}>{result.ok ? `导出期间：${result.period.label}` : result.message}</Typography.Text>
    </Flex>
  );
}
