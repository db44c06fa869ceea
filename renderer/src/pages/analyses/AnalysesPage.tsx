import { Route, Routes } from 'react-router';
import { AnalysisDetailPage } from './AnalysisDetail';
import { AnalysisFormPage } from './AnalysisForm';
import { AnalysisListPage } from './AnalysisList';
import { AnalysisPrintPage } from './AnalysisPrint';
import './analyses.css';

/**
 * 思想动态分析: `/analyses` list, `/analyses/new?kind=季度&year=2025&index=2`, `/analyses/:id`, `/analyses/:id/edit`,
 * `/analyses/:id/print`.
 */
export function AnalysesPage() {
  return (
    <Routes>
      <Route index element={<AnalysisListPage />} />
      <Route path="new" element={<AnalysisFormPage />} />
      <Route path=":id" element={<AnalysisDetailPage />} />
      <Route path=":id/edit" element={<AnalysisFormPage />} />
      <Route path=":id/print" element={<AnalysisPrintPage />} />
    </Routes>
  );
}
