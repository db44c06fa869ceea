import { Alert, Flex, Typography } from 'antd';
import type { Severity } from '@shared/rules/types';

interface ShownFinding {
  rule: string;
  severity: Severity;
  message: string;
  source: string;
}

const ALERT_TYPE: Record<Severity, 'error' | 'warning' | 'info'> = { error: 'error', warning: 'warning', info: 'info' };

/** A ledger's findings from the rules, each with the article it comes from; a calm line when there are none. */
export function FindingList({ findings, label, empty }: { findings: readonly ShownFinding[]; label: string; empty: string }) {
  if (findings.length === 0) {
    return (
      <Typography.Text type="secondary" aria-label={label}>
        {empty}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical gap={8} role="list" aria-label={label}>
      {findings.map((f, i) => (
        <div role="listitem" key={`${f.rule}-${i}`}>
          <Alert type={ALERT_TYPE[f.severity]} showIcon title={f.message} description={`依据：${f.source}`} />
        </div>
      ))}
    </Flex>
  );
}
