import { Checkbox, Collapse, Flex, Select, Table, Typography } from 'antd';
import { LEDGER_DEFINITIONS, LEDGER_KINDS, LEDGER_LABELS, type ParsedSheet, type SheetOverride } from '@shared/ledgers';
import { columnLetterOf, nextOverride, NOT_IMPORTED, sheetKindValue } from './overrideModel';

const KIND_OPTIONS = [
  ...LEDGER_KINDS.map((kind) => ({ value: kind, label: LEDGER_LABELS[kind] })),
  { value: NOT_IMPORTED, label: '不导入' },
];

export interface SheetOverridesProps {
  sheet: ParsedSheet;
  override: SheetOverride | undefined;
  disabled?: boolean;
  onChange: (override: SheetOverride) => void;
}

/**
 * The user's corrections of what was detected for one sheet: which ledger it is (or 不导入), which row holds the
 * header (one row or two), and which field each column holds. Every change re-reads the file with them.
 */
export function SheetOverrides({ sheet, override, disabled, onChange }: SheetOverridesProps) {
  const kind = sheetKindValue(sheet);
  const mappedKind = sheet.ledger ?? sheet.mappedAs;
  const definition = LEDGER_DEFINITIONS.find((d) => d.kind === mappedKind);
  const headerRow = sheet.headerRows[0];
  const twoRows = sheet.headerRows.length === 2;
  const rowOptions = sheet.topRows.map((text, i) => ({
    value: i + 1,
    label: `第${i + 1}行${text ? `：${text}` : '（空行）'}`,
  }));
  const fieldOptions = [
    { value: NOT_IMPORTED, label: '不导入' },
    ...(definition?.columns ?? []).map((c) => ({ value: c.field, label: c.label })),
  ];
  const columns = Array.from({ length: sheet.width }, (_, i) => {
    const match = sheet.columns[i];
    return { column: i + 1, header: match?.header ?? '', field: match?.field, duplicateOf: match?.duplicateOf };
  });
  const mappedCount = columns.filter((c) => c.field).length;

  return (
    <Flex vertical gap={8}>
      <Flex gap={16} align="center" wrap>
        <Flex gap={6} align="center">
          <span>台账类型</span>
          <Select
            aria-label={`工作表“${sheet.name}”的台账类型`}
            style={{ width: 200 }}
            value={kind}
            placeholder="未识别"
            options={KIND_OPTIONS}
            disabled={disabled}
            onChange={(value: string) => onChange(nextOverride(override, sheet, { kind: value }))}
          />
        </Flex>
        {kind !== NOT_IMPORTED && sheet.topRows.length > 0 && (
          <>
            <Flex gap={6} align="center">
              <span>表头行</span>
              <Select
                aria-label={`工作表“${sheet.name}”的表头行`}
                style={{ width: 320 }}
                value={headerRow}
                placeholder="选择表头所在行"
                options={rowOptions}
                disabled={disabled}
                popupMatchSelectWidth={false}
                onChange={(row: number) => onChange(nextOverride(override, sheet, { headerRow: row, twoRows }))}
              />
            </Flex>
            <Checkbox
              checked={twoRows}
              disabled={disabled || headerRow === undefined}
              onChange={(e) => onChange(nextOverride(override, sheet, { headerRow, twoRows: e.target.checked }))}
            >
              表头占两行
            </Checkbox>
          </>
        )}
      </Flex>
      {definition && kind !== NOT_IMPORTED && sheet.width > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'columns',
              label: `列对应（${mappedCount} 列导入，共 ${sheet.width} 列）`,
              children: (
                <Table
                  size="small"
                  rowKey="column"
                  pagination={false}
                  dataSource={columns}
                  scroll={{ y: 320 }}
                  columns={[
                    { title: '列', key: 'letter', width: 60, render: (_, c) => columnLetterOf(c.column) },
                    {
                      title: '表头',
                      dataIndex: 'header',
                      render: (header: string) => header || <Typography.Text type="secondary">（无表头）</Typography.Text>,
                    },
                    {
                      title: '导入为',
                      key: 'field',
                      width: 240,
                      render: (_, c) => (
                        <Flex vertical>
                          <Select
                            aria-label={`${columnLetterOf(c.column)}列“${c.header}”导入为`}
                            size="small"
                            style={{ width: 200 }}
                            value={c.field ?? NOT_IMPORTED}
                            options={fieldOptions}
                            showSearch={{ optionFilterProp: 'label' }}
                            disabled={disabled}
                            onChange={(field: string) => onChange(nextOverride(override, sheet, { column: c.column, field }))}
                          />
                          {c.duplicateOf && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              与{columnLetterOf(c.duplicateOf)}列表示同一项
                            </Typography.Text>
                          )}
                        </Flex>
                      ),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
