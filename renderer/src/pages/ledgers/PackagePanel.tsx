import { FileZipOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { todayIso } from '@shared/dates';
import { formatFileSize } from '@shared/model';
import { packageFileName } from '@shared/package/paths';
import { version as APP_VERSION } from '../../../../package.json';
import { useBranch } from '../../components/BranchContext';
import { platform, type FileSink } from '../../platform';
import { packageInWorker, type ExportJob, type PackagedFile } from '../../workers/ledgerExportClient';
import { periodOf, type PeriodChoice } from './exportModel';
import { ExportOptionsFields, type ExportOptionValues } from './ExportOptionsFields';
import { ExportPeriodPicker } from './ExportPeriodPicker';
import { ExportProgress } from './ExportProgress';
import { PackageVerifyPanel } from './PackageVerifyPanel';
import { CancelledError, messageOf } from '@shared/errors';

const ZIP_FILTERS = [{ name: '检查材料包', extensions: ['zip'] }];


/** 检查材料包: make the package of the current branch and a period; check packages (read only) side by side. */
export function PackagePanel() {
  const branch = useBranch();
  const { message, modal } = App.useApp();
  const thisYear = Number(todayIso().slice(0, 4));
  const [periodChoice, setPeriodChoice] = useState<PeriodChoice>({ mode: 'year', year: thisYear });
  const [options, setOptions] = useState<ExportOptionValues>({ maskIdNumbers: false, includeAttentionDetails: false });
  const [running, setRunning] = useState<{ percent: number; stage: string } | null>(null);
  const job = useRef<ExportJob<PackagedFile> | null>(null);
  /** True from the click until the end: the save dialog comes before the job, and a second click must wait. */
  const busy = useRef(false);

  useEffect(() => () => job.current?.cancel(), [branch.id]);

  const period = periodOf(periodChoice);

  async function generate() {
    if (!period.ok) {
      message.warning(period.message);
      return;
    }
    if (busy.current) {
      return;
    }
    busy.current = true;
    const fileName = packageFileName(branch.name, period.period.label);
    try {
      // Where the package goes is asked first (Electron: the save dialog), so that each piece is written to disk as it
      // is made: a package with many photos may be far larger than memory or one IPC message allows.
      let sink: FileSink | null;
      try {
        sink = await platform.saveFileStream({ suggestedName: fileName, filters: ZIP_FILTERS });
      } catch (error) {
        modal.error({ title: '无法保存检查材料包', content: messageOf(error) });
        return;
      }
      if (sink === null) {
        return;
      }
      setRunning({ percent: 0, stage: '正在启动…' });
      const started = packageInWorker(
        branch.id,
        { period: period.period, generatedOn: todayIso(), ...options },
        APP_VERSION,
        dayjs().format(),
        (chunk) => sink.write(chunk),
        (percent, stage) => setRunning({ percent, stage }),
      );
      job.current = started;
      try {
        const file = await started.promise;
        setRunning({ percent: 100, stage: '正在保存…' });
        const result = await sink.close();
        if (result.saved) {
          message.success(`检查材料包已生成：${fileName}${result.path ? `（${result.path}）` : ''}，${formatFileSize(file.size)}`);
        }
      } catch (error) {
        // Nothing half-written is left: the partial file is deleted (Electron), the collected parts dropped (browser).
        await sink.abort();
        if (error instanceof CancelledError) {
          message.info('已取消生成检查材料包，没有生成文件');
        } else {
          modal.error({ title: '生成检查材料包失败', content: messageOf(error) });
        }
      }
    } finally {
      busy.current = false;
      job.current = null;
      setRunning(null);
    }
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <Card title={`生成检查材料包：${branch.name}`} style={{ maxWidth: 860 }}>
        <Typography.Paragraph>
          把本支部该期间的自检报告、各本台账（Excel）、每次会议的记录（Word）及签到表和照片、整改佐证材料、思想动态分析报告打包成一个
          zip 文件，附文件清单和校验值，供上级检查时核验是否与包内清单一致。自检报告第一页是报送单，印有材料包指纹：打印签字后随材料包上交，
          检查方核对指纹即可发现清单被重新计算过的材料包。
        </Typography.Paragraph>
        <Form layout="vertical" component="div">
          <Form.Item label="期间">
            <ExportPeriodPicker value={periodChoice} onChange={setPeriodChoice} thisYear={thisYear} disabled={running !== null} />
          </Form.Item>
          <Form.Item label="选项">
            <ExportOptionsFields value={options} onChange={setOptions} disabled={running !== null} />
          </Form.Item>
        </Form>
        {running ? (
          <ExportProgress title="正在生成检查材料包" percent={running.percent} stage={running.stage} onCancel={() => job.current?.cancel()} />
        ) : (
          <Button type="primary" icon={<FileZipOutlined />} disabled={!period.ok} onClick={() => void generate()}>
            生成检查材料包
          </Button>
        )}
      </Card>
      <PackageVerifyPanel />
    </Flex>
  );
}
