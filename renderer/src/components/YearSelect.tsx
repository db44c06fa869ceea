import { Flex, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/** The last ten years, the next one and the chosen one, newest first. */
export function yearOptions(current: number, chosen: number): { value: number; label: string }[] {
  const years = new Set(Array.from({ length: 10 }, (_, i) => current + 1 - i));
  years.add(chosen);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }));
}

/** The year a ledger page shows. */
export function YearSelect({ value, current, onChange, label }: { value: number; current: number; onChange: (year: number) => void; label: string }) {
  return <Select aria-label={label} value={value} onChange={onChange} options={yearOptions(current, value)} style={{ width: 110 }} />;
}

/** The year a ledger page shows, from `?year=` (this year when absent or not a number); choosing one replaces the query. */
export function useYearParam(today: string): { year: number; currentYear: number; setYear: (year: number) => void } {
  const [params, setParams] = useSearchParams();
  const currentYear = Number(today.slice(0, 4));
  return { year: Number(params.get('year')) || currentYear, currentYear, setYear: (year) => setParams({ year: String(year) }) };
}

/** The top of a yearly ledger page: its title, the year to show, and the page's actions on the right. */
export function YearPageHeader({ title, yearLabel = '年度', year, currentYear, onYear, children }: { title: string; yearLabel?: string; year: number; currentYear: number; onYear: (year: number) => void; children?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <YearSelect label={yearLabel} value={year} current={currentYear} onChange={onYear} />
      </Space>
      {children}
    </Flex>
  );
}
