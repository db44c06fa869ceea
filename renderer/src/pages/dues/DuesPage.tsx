import { Route, Routes } from 'react-router';
import { DuesGridPage } from './DuesGridPage';
import { DuesPrintPage } from './DuesPrint';
import './dues.css';

/** 党费收缴: `/dues?year=2025` the month grid, `/dues/print?year=2025&sheet=公示|报告` the 张榜公示 and 收缴情况报告. */
export function DuesPage() {
  return (
    <Routes>
      <Route index element={<DuesGridPage />} />
      <Route path="print" element={<DuesPrintPage />} />
    </Routes>
  );
}
