import { Button, Flex, Progress, Typography } from 'antd';

interface ExportProgressProps {
  /** What is running, e.g. “正在导出三会一课台账”. */
  title: string;
  percent: number;
  stage: string;
  onCancel: () => void;
}

/** The progress of a job in the export worker, with 取消 (which stops the worker at once). */
export function ExportProgress({ title, percent, stage, onCancel }: ExportProgressProps) {
  return (
    <Flex vertical gap={4} role="status" aria-label={title} style={{ maxWidth: 560 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Progress percent={percent} status="active" />
      <Flex justify="space-between" align="center" gap={12}>
        <Typography.Text type="secondary">{stage}</Typography.Text>
        <Button onClick={onCancel}>取消</Button>
      </Flex>
    </Flex>
  );
}
