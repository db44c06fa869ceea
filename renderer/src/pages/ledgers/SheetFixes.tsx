import { Button, Checkbox, Flex, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { LEDGER_DEFINITIONS, unusedColumns, type ParsedSheet, type SheetOverride } from '@shared/ledgers';
import { columnLetterOf, type OverrideChange } from './overrideModel';
import { noteText } from './previewModel';

export interface SheetFixesProps {
  sheet: ParsedSheet;
  override: SheetOverride | undefined;
  disabled?: boolean;
  onChange: (change: OverrideChange) => void;
}

/**
 * What the preview says about a sheet as a whole and lets the user set for it before anything is written: the
 * instruction blocks skipped, why columns were read as they were, the columns nothing reads (未导入的列, kept in 备注 on
 * request), and one value for a field over the whole sheet (民族 = 汉族, 会议类型 = 主题党日). Each change reads the
 * file again in the worker, so every row's issues follow.
 */
export function SheetFixes({ sheet, override, disabled, onChange }: SheetFixesProps) {
  const definition = LEDGER_DEFINITIONS.find((d) => d.kind === sheet.ledger);
  const [field, setField] = useState<string | undefined>(undefined);
  const [value, setValue] = useState('');
  if (!definition) {
    return null;
  }
  const labelOf = (f: string) => definition.columns.find((c) => c.field === f)?.label ?? f;
  const unused = unusedColumns(sheet.columns);
  const kept = new Set(override?.keepInRemarks ?? []);
  const whys = sheet.columns.filter((c) => c.field && c.why);
  const defaults = Object.entries(override?.defaults ?? {});
  const control = { size: 'small', style: { width: 160 }, disabled } as const;
  const apply = () => {
    if (field && value.trim()) {
      onChange({ defaultField: field, value });
      setValue('');
    }
  };
  return (
    <Flex vertical gap={6}>
      {sheet.notes.map((note) => (
        <Typography.Text key={note.rows[0]} type="secondary" data-testid="sheet-notes">
          {noteText(note)}
        </Typography.Text>
      ))}
      {whys.length > 0 && (
        <Typography.Text type="secondary">
          列的识别：
          {whys.map((c) => `${columnLetterOf(c.column)}列“${c.header}”${c.why}`).join('；')}
        </Typography.Text>
      )}
      {unused.length > 0 && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text data-testid="unused-columns">
            未导入的列：{unused.map((c) => `${columnLetterOf(c.column)}列“${c.header}”`).join('、')}
          </Typography.Text>
          <Checkbox
            checked={unused.every((c) => kept.has(c.column))}
            disabled={disabled}
            onChange={(e) => onChange({ keepInRemarks: e.target.checked ? unused.map((c) => c.column) : [] })}
          >
            记入备注
          </Checkbox>
          <Typography.Text type="secondary">（也可在“列对应”中选择导入为某一项）</Typography.Text>
        </Flex>
      )}
      <Flex gap={8} align="center" wrap>
        <span>统一设置</span>
        <Select
          {...control}
          aria-label="统一设置的项目"
          placeholder="选择一项"
          value={field}
          options={definition.columns.map((c) => ({ value: c.field, label: c.label }))}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={setField}
        />
        <Input
          {...control}
          aria-label="统一设置的值"
          placeholder="如 汉族、主题党日"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={apply}
        />
        <Button size="small" onClick={apply} disabled={disabled || !field || !value.trim()}>
          应用到本表空白处
        </Button>
        {defaults.map(([f, v]) => (
          <Tag
            key={f}
            closable={!disabled}
            onClose={(e) => {
              e.preventDefault();
              onChange({ defaultField: f, value: undefined });
            }}
          >
            {labelOf(f)} = {v}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
