import { Route, Routes } from 'react-router';
import { MeetingDetailPage } from './MeetingDetail';
import { MeetingFormPage } from './MeetingForm';
import { MeetingListPage } from './MeetingList';
import { MeetingPrintPage } from './MeetingPrint';

/**
 * 会议记录 (三会一课 and the rest): `/meetings` list and calendar, `/meetings/new?type=…`, `/meetings/:id`,
 * `/meetings/:id/edit`, `/meetings/:id/print`.
 */
export function MeetingsPage() {
  return (
    <Routes>
      <Route index element={<MeetingListPage />} />
      <Route path="new" element={<MeetingFormPage />} />
      <Route path=":id" element={<MeetingDetailPage />} />
      <Route path=":id/edit" element={<MeetingFormPage />} />
      <Route path=":id/print" element={<MeetingPrintPage />} />
    </Routes>
  );
}
