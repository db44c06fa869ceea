import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { groupFingerprint } from '@shared/exports/packageCover';
import { platform } from '../../platform';
import { verifyPackagesInWorker, type ExportJob } from '../../workers/ledgerExportClient';
import { comparePackages, type ComparisonRow, type PackageCheck } from './exportModel';
import { ExportProgress } from './ExportProgress';
import { CancelledError, messageOf } from '@shared/errors';

const ZIP_FILTERS = [{ name: '检查材料包', extensions: ['zip'] }];


/** 校验检查材料包: choose one or several packages; each is verified and shown side by side. Read only. */
export function PackageVerifyPanel() {
  const { message, modal } = App.useApp();
  const [running, setRunning] = useState<{ percent: number; stage: string } | null>(null);
  const [checks, setChecks] = useState<PackageCheck[]>([]);
  const job = useRef<ExportJob<PackageCheck[]> | null>(null);

  useEffect(() => () => job.current?.cancel(), []);

  async function choose() {
    const files = await platform.openFiles({ filters: ZIP_FILTERS, multiple: true });
    if (files.length === 0) {
      return;
    }
    setRunning({ percent: 0, stage: '正在启动…' });
    const started = verifyPackagesInWorker(files, (percent, stage) => setRunning({ percent, stage }));
    job.current = started;
    try {
      setChecks(await started.promise);
    } catch (error) {
      if (error instanceof CancelledError) {
        message.info('已取消校验');
      } else {
        modal.error({ title: '校验失败', content: messageOf(error) });
      }
    } finally {
      job.current = null;
      setRunning(null);
    }
  }

  return (
    <Card title="校验检查材料包">
      <Flex vertical gap={12}>
        <Alert
          type="info"
          showIcon
          title="只读查看，不会导入本机数据"
          description="选择一个或几个检查材料包（.zip）：逐个核对文件清单和校验值，看是否与包内清单一致（完整、未在清单之外被改动），显示材料包指纹供与签字的报送单核对，并把各包的支部、期间、数量和自检结论并排列出，便于对照。如确需把某个材料包中的台账导入本机，请在“导入”中选择该 .zip 文件，预览后再导入。"
        />
        {running ? (
          <ExportProgress title="正在校验检查材料包" percent={running.percent} stage={running.stage} onCancel={() => job.current?.cancel()} />
        ) : (
          <div>
            <Button icon={<SafetyCertificateOutlined />} onClick={() => void choose()}>
              选择检查材料包…
            </Button>
          </div>
        )}
        {checks.length > 0 && <PackageResults checks={checks} />}
      </Flex>
    </Card>
  );
}

function PackageResults({ checks }: { checks: PackageCheck[] }) {
  const comparison = comparePackages(checks);
  const columns = [
    { title: '项目', dataIndex: 'label', key: 'label', width: 180, fixed: 'left' as const },
    ...checks.map((check, index) => ({
      title: <span title={check.fileName}>{check.fileName}</span>,
      key: `p${index}`,
      width: 260,
      render: (_: unknown, row: ComparisonRow) => <CellText text={row.cells[index]} />,
    })),
  ];
  return (
    <Flex vertical gap={12}>
      <section aria-label="校验结果">
        <Flex vertical gap={8}>
          {checks.map((check) =>
            check.verification.ok ? (
              <Alert
                key={check.fileName}
                type="success"
                showIcon
                title={`与包内清单一致：${check.fileName}`}
                description={
                  <Flex vertical gap={4}>
                    <span>文件清单（manifest.json）中的每个文件都在，内容与其记录的校验值一致，没有多出的文件。</span>
                    <span>这只说明材料包与它自带的清单相符。请把下面的材料包指纹与签字的报送单逐字核对：不同，则清单已被重新计算过。</span>
                    <Fingerprint value={check.verification.fingerprint} />
                  </Flex>
                }
              />
            ) : (
              <Alert
                key={check.fileName}
                type="error"
                showIcon
                title={`校验未通过：${check.fileName}（${check.verification.problems.length} 个问题）`}
                description={
                  <Flex vertical gap={4}>
                    <ul aria-label={`${check.fileName} 的问题`} style={{ margin: 0, paddingInlineStart: 20 }}>
                      {check.verification.problems.map((problem, index) => (
                        <li key={`${problem.path}-${index}`}>
                          {problem.path ? (
                            <>
                              <Typography.Text code>{problem.path}</Typography.Text>：
                            </>
                          ) : null}
                          {problem.message}
                        </li>
                      ))}
                    </ul>
                    <Fingerprint value={check.verification.fingerprint} />
                  </Flex>
                }
              />
            ),
          )}
        </Flex>
      </section>
      <Typography.Title level={5} style={{ margin: 0 }}>
        基本情况对照
      </Typography.Title>
      <Table
        aria-label="基本情况对照"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey="key"
        columns={columns}
        dataSource={comparison.basics}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        自检结论对照
      </Typography.Title>
      <Table
        aria-label="自检结论对照"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey="key"
        columns={columns}
        dataSource={comparison.rules}
      />
    </Flex>
  );
}

/** The package's fingerprint as printed on its 报送单: SHA-256 of manifest.json in groups of four. */
function Fingerprint({ value }: { value: string | null }) {
  if (!value) {
    return null;
  }
  return (
    <span>
      材料包指纹：
      <Typography.Text code copyable={{ text: value }} aria-label="材料包指纹">
        {groupFingerprint(value)}
      </Typography.Text>
    </span>
  );
}

const CONCLUSION_COLORS: Record<string, string> = { 符合: 'success', 不符合: 'error', 需注意: 'warning', 提醒: 'processing', 不检查: 'default' };

/** A cell: a 结论 on its first line gets its colour; the rest (实际) follows as written. */
function CellText({ text }: { text: string | undefined }) {
  if (text === undefined) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  const [first, ...rest] = text.split('\n');
  const color = CONCLUSION_COLORS[first];
  if (!color) {
    return <span style={{ whiteSpace: 'pre-line' }}>{text}</span>;
  }
  return (
    <Flex vertical gap={2} align="start">
      <Tag color={color}>{first}</Tag>
      {rest.length > 0 && <Typography.Text type="secondary">{rest.join('\n')}</Typography.Text>}
    </Flex>
  );
}
