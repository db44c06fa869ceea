import { Select } from 'antd';

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
