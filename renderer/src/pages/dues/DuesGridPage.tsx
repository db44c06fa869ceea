import { CheckSquareOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Skeleton, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { todayIso } from '@shared/dates';
import { duesGrid, duesYearSummary, formatYuan } from '@shared/dues';
import { duesFindings } from '@shared/rules/dues';
import { useBranch } from '../../components/BranchContext';
import { FindingList } from '../../components/FindingList';
import { DateField } from '../../components/IsoDatePicker';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { useYearParam, YearPageHeader } from '../../components/YearSelect';
import { useMembers } from '../../db';
import { duesStore, useDues, useDuesSettings } from '../../db/duesHooks';
import { CELL_STATE_LABELS, DuesGrid } from './DuesGrid';
import { DuesTermsModal, MarkMonthModal } from './DuesModals';

const LEGEND = ['paid', 'unpaid', 'partial', 'overpaid', 'due'] as const;

/**
 * `/dues?year=2025`: the members × months grid of a year, filled from the keyboard; 交纳日期 and 收款人 above the
 * grid go with every amount typed. 一键按应交标记已交 per month, the findings of the dues rules, the print views.
 */
export function DuesGridPage() {
  const branch = useBranch();
  const navigate = useNavigate();
  const today = todayIso();
  const { year, currentYear, setYear } = useYearParam(today);
  const members = useMembers(branch.id);
  const payments = useDues(branch.id);
  const settings = useDuesSettings();
  const [entry] = Form.useForm<{ paidOn?: string; collector?: string }>();
  const [termsOf, setTermsOf] = useState<string | null>(null);
  const [marking, setMarking] = useState(false);
  const [typing, setTyping] = useState(false);
  useUnsavedChanges({ dirty: typing });
  const onTyping = useCallback((value: boolean) => setTyping(value), []);

  const grid = useMemo(() => (members && payments ? duesGrid(members, payments, year, { today }) : undefined), [members, payments, year, today]);
  const findings = useMemo(
    () => (members && payments && settings ? duesFindings({ branch, members, payments, today, year, settings }) : []),
    [branch, members, payments, settings, today, year],
  );
  const summary = useMemo(() => (grid ? duesYearSummary(grid) : undefined), [grid]);
  const nameOf = useCallback((id: string) => members?.find((m) => m.id === id)?.name ?? '', [members]);

  if (!grid || !settings || !summary) {
    return <Skeleton active />;
  }

  async function onPaid(memberId: string, month: string, paidFen: number | undefined) {
    const { paidOn, collector } = entry.getFieldsValue();
    await duesStore.setPaid(branch.id, { memberId, month, paidFen, paidOn: paidFen === undefined ? undefined : paidOn, collector: collector?.trim() || undefined });
  }

  const termsRow = grid.rows.find((r) => r.member.id === termsOf);
  const thisMonth = today.slice(0, 7);
  const firstOpen = (row: NonNullable<typeof termsRow>) => row.cells.find((c) => c.state !== 'notOwed' && c.paidFen === 0)?.month ?? row.cells.find((c) => c.state !== 'notOwed')?.month ?? grid.months[0];
  const lastTerms = termsRow ? [...termsRow.cells].reverse().find((c) => c.terms)?.terms : undefined;

  return (
    <Flex vertical gap={16}>
      <YearPageHeader title="党费收缴" year={year} currentYear={currentYear} onYear={setYear}>
        <Space wrap>
          <Button type="primary" icon={<CheckSquareOutlined />} onClick={() => setMarking(true)}>
            一键按应交标记已交
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/dues/print?year=${year}&sheet=公示`)}>
            张榜公示
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/dues/print?year=${year}&sheet=报告`)}>
            收缴情况报告
          </Button>
        </Space>
      </YearPageHeader>
      <Card size="small">
        <Form form={entry} name="duesEntry" layout="inline" initialValues={{ paidOn: today }}>
          <DateField name="paidOn" label="录入的交纳日期" noFuture />
          <Form.Item name="collector" label="收款人">
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Typography.Text type="secondary">在月份格中输入实交金额（元），回车或方向键移到下一格即保存。</Typography.Text>
        </Form>
      </Card>
      <Flex gap={12} wrap aria-label="图例">
        {LEGEND.map((state) => (
          <span key={state} className={`dues-legend dues-cell-${state}`}>
            {CELL_STATE_LABELS[state]}
          </span>
        ))}
        <Typography.Text>
          本年应交{formatYuan(summary.owedFen)}，实交{formatYuan(summary.paidFen)}
        </Typography.Text>
      </Flex>
      {grid.rows.length === 0 ? (
        <Typography.Text type="secondary">{year}年没有需要交纳党费的党员。</Typography.Text>
      ) : (
        <DuesGrid grid={grid} onPaid={onPaid} onEditTerms={setTermsOf} onTyping={onTyping} />
      )}
      <Card size="small" title="党费收缴检查">
        <FindingList findings={findings} label="党费收缴检查结果" empty={`${year}年党费收缴未发现问题。`} />
      </Card>
      {termsRow && (
        <DuesTermsModal
          branchId={branch.id}
          member={termsRow.member}
          months={grid.months.filter((m) => termsRow.cells.find((c) => c.month === m)?.state !== 'notOwed')}
          initial={{ fromMonth: firstOpen(termsRow), category: lastTerms?.category, baseFen: lastTerms?.baseFen }}
          settings={settings}
          onClose={() => setTermsOf(null)}
        />
      )}
      {marking && (
        <MarkMonthModal
          branchId={branch.id}
          months={grid.months}
          initialMonth={grid.months.includes(thisMonth) ? thisMonth : grid.months[grid.months.length - 1]}
          nameOf={nameOf}
          onClose={() => setMarking(false)}
        />
      )}
    </Flex>
  );
}
