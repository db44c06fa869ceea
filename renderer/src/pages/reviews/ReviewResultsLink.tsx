import { SolutionOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import type { Meeting } from '@shared/model';
import { countsAs, meetingDate } from '@shared/rules/roster';

/** On a 民主评议党员 meeting: the results of the year it reviews (the year it is held in, as the review rules read it). */
export function ReviewResultsLink({ meeting }: { meeting: Meeting }) {
  const navigate = useNavigate();
  if (!countsAs(meeting, '民主评议党员')) {
    return null;
  }
  return (
    <Button icon={<SolutionOutlined />} onClick={() => void navigate(`/reviews?year=${meetingDate(meeting).slice(0, 4)}`)}>
      查看本年度评议结果
    </Button>
  );
}
