import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Radio, Space, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { todayIso } from '@shared/dates';
import { formatFileSize } from '@shared/model';
import type { LedgerExportKind } from '@shared/exports/types';
import { useBranch } from '../../components/BranchContext';
import { platform } from '../../platform';
import { exportLedgerInWorker, templateInWorker, type ExportedFile, type ExportJob } from '../../workers/ledgerExportClient';
import { EXPORT_LEDGERS, ledgerChoice, ledgerFileName, periodOf, templateFileName, type PeriodChoice } from './exportModel';
import { ExportOptionsFields, type ExportOptionValues } from './ExportOptionsFields';
import { ExportPeriodPicker } from './ExportPeriodPicker';
import { ExportProgress } from './ExportProgress';
import { CancelledError, messageOf } from '@shared/errors';

const XLSX_FILTERS = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
const ZIP_FILTERS = [{ name: '压缩包', extensions: ['zip'] }];

type Running = { title: string; percent: number; stage: string };


/** 导出: one ledger of the current branch for a period as .xlsx, or a ledger's blank import template. */
export function ExportPanel() {
  const branch = useBranch();
  const { message, modal } = App.useApp();
  const thisYear = Number(todayIso().slice(0, 4));
  const [kind, setKind] = useState<LedgerExportKind>('members');
  const [periodChoice, setPeriodChoice] = useState<PeriodChoice>({ mode: 'year', year: thisYear });
  const [options, setOptions] = useState<ExportOptionValues>({ maskIdNumbers: false, includeAttentionDetails: false });
  const [running, setRunning] = useState<Running | null>(null);
  const job = useRef<ExportJob<ExportedFile> | null>(null);

  // Leaving the page (or switching branch) stops a job in progress.
  useEffect(() => () => job.current?.cancel(), [branch.id]);

  const ledger = ledgerChoice(kind);
  const period = periodOf(periodChoice);

  async function runJob(title: string, start: (onProgress: (percent: number, stage: string) => void) => ExportJob<ExportedFile>, fileName: string) {
    setRunning({ title, percent: 0, stage: '正在启动…' });
    const started = start((percent, stage) => setRunning((r) => (r ? { ...r, percent, stage } : r)));
    job.current = started;
    try {
      const file = await started.promise;
      const name = file.fileName ?? fileName;
      const result = await platform.saveFile({ suggestedName: name, data: file.bytes, filters: file.parts ? ZIP_FILTERS : XLSX_FILTERS });
      if (result.saved) {
        const parts = file.parts ? `，记录较多，分为 ${file.parts} 个 Excel 文件打包` : '';
        message.success(`已导出 ${name}${result.path ? `：${result.path}` : ''}（${formatFileSize(file.bytes.byteLength)}${parts}）`);
      }
    } catch (error) {
      if (error instanceof CancelledError) {
        message.info('已取消导出，没有生成文件');
      } else {
        modal.error({ title: '导出失败', content: messageOf(error) });
      }
    } finally {
      job.current = null;
      setRunning(null);
    }
  }

  function exportLedger() {
    if (!period.ok) {
      message.warning(period.message);
      return;
    }
    const generatedOn = todayIso();
    const fileName = ledgerFileName(branch.name, period.period.label, ledger.label);
    void runJob(
      `正在导出${ledger.label}`,
      (onProgress) => exportLedgerInWorker(kind, branch.id, { period: period.period, generatedOn, ...options }, fileName, onProgress),
      fileName,
    );
  }

  function downloadTemplate() {
    if (!ledger.template) {
      return;
    }
    const template = ledger.template;
    void runJob(`正在生成${ledger.label}空白模板`, (onProgress) => templateInWorker(template, onProgress), templateFileName(ledger.label));
  }

  const busy = running !== null;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 860 }}>
      <Card title={`导出台账：${branch.name}`}>
        <Form layout="vertical" component="div">
          <Form.Item label="台账">
            <Radio.Group
              aria-label="台账"
              optionType="button"
              disabled={busy}
              value={kind}
              onChange={(event) => {
                const chosen = EXPORT_LEDGERS.find((l) => l.kind === event.target.value);
                if (chosen) {
                  setKind(chosen.kind);
                }
              }}
              options={EXPORT_LEDGERS.map((l) => ({ value: l.kind, label: l.label }))}
            />
          </Form.Item>
          <Form.Item label="期间">
            <ExportPeriodPicker value={periodChoice} onChange={setPeriodChoice} thisYear={thisYear} disabled={busy} />
          </Form.Item>
          <Form.Item label="选项">
            <ExportOptionsFields value={options} onChange={setOptions} disabled={busy} />
          </Form.Item>
        </Form>
        {running ? (
          <ExportProgress title={running.title} percent={running.percent} stage={running.stage} onCancel={() => job.current?.cancel()} />
        ) : (
          <Space wrap>
            <Button type="primary" icon={<FileExcelOutlined />} disabled={!period.ok} onClick={exportLedger}>
              导出Excel
            </Button>
            <Tooltip title={ledger.template ? `下载${ledger.label}的导入模板（含填表说明）` : '组织设置在“设置 → 支部信息”中维护，没有导入模板'}>
              <Button icon={<DownloadOutlined />} disabled={!ledger.template} onClick={downloadTemplate}>
                下载空白模板
              </Button>
            </Tooltip>
          </Space>
        )}
      </Card>
    </Flex>
  );
}
