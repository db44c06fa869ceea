import { Route, Routes } from 'react-router';
import { RectificationDetailPage } from './RectificationDetail';
import { RectificationFormPage } from './RectificationForm';
import { RectificationListPage } from './RectificationList';
import './rectifications.css';

/**
 * 整改台账: `/rectifications` (按状态 / 按类别 / 按责任人), `/rectifications/new?from=meetings|talks|analyses&id=…`,
 * `/rectifications/:id`, `/rectifications/:id/edit`.
 */
export function RectificationsPage() {
  return (
    <Routes>
      <Route index element={<RectificationListPage />} />
      <Route path="new" element={<RectificationFormPage />} />
      <Route path=":id" element={<RectificationDetailPage />} />
      <Route path=":id/edit" element={<RectificationFormPage />} />
    </Routes>
  );
}
