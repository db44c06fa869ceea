import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { todayIso } from '@shared/dates';
import { useBranch } from '../../components/BranchContext';
import { appBackup } from '../../db/backupHooks';
import { importStore } from '../../db/importHooks';
import { platform } from '../../platform';
import { readInWorker, ReadCancelledError, type ReadJob } from '../../workers/ledgerImportClient';
import { ImportBatchList } from './ImportBatchList';
import { buildPreview, previewCounts, rowsToWrite, type ImportPreview } from './previewModel';
import { SheetPreview } from './SheetPreview';

const IMPORT_FILTERS = [{ name: 'Excel 工作簿或 CSV 文件', extensions: ['xlsx', 'xlsm', 'csv'] }];

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; percent: number; stage: string }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'committing'; preview: ImportPreview };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** 导入: choose a file → read it in a worker → preview each sheet with the planned action per row → import. */
export function ImportPanel() {
  const branch = useBranch();
  const { modal, message } = App.useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const job = useRef<ReadJob | null>(null);

  // Leaving the page stops a read in progress; another branch needs a new preview.
  useEffect(() => () => job.current?.cancel(), []);
  useEffect(() => {
    job.current?.cancel();
    setPhase({ kind: 'idle' });
  }, [branch.id]);

  async function chooseFile() {
    const files = await platform.openFiles({ filters: IMPORT_FILTERS, multiple: false });
    const file = files[0];
    if (!file) {
      return;
    }
    setPhase({ kind: 'reading', fileName: file.name, percent: 0, stage: '正在启动…' });
    const today = todayIso();
    const reading = readInWorker(file.name, file.data, today, (percent, stage) =>
      setPhase((p) => (p.kind === 'reading' ? { ...p, percent, stage } : p)),
    );
    job.current = reading;
    try {
      const result = await reading.promise;
      const members = await importStore.membersOf(branch.id);
      setExcluded(new Set());
      setPhase({ kind: 'preview', preview: buildPreview(result, members, branch, today) });
    } catch (error) {
      setPhase({ kind: 'idle' });
      if (error instanceof ReadCancelledError) {
        message.info('已取消读取');
      } else {
        modal.error({ title: '无法读取文件', content: errorText(error) });
      }
    } finally {
      job.current = null;
    }
  }

  function cancelReading() {
    job.current?.cancel();
  }

  const preview = phase.kind === 'preview' || phase.kind === 'committing' ? phase.preview : undefined;
  const counts = useMemo(() => (preview ? previewCounts(preview) : undefined), [preview]);
  const toWrite = useMemo(() => (preview ? rowsToWrite(preview, excluded) : []), [preview, excluded]);
  const adding = toWrite.filter((r) => r.action === '新增').length;
  const updating = toWrite.length - adding;

  function toggle(key: string, include: boolean) {
    setExcluded((prev) => {
      const next = new Set(prev);
      if (include) {
        next.delete(key);
      } else {
        next.add(key);
      }
      return next;
    });
  }

  function confirmImport() {
    if (!preview) {
      return;
    }
    modal.confirm({
      title: '确认导入',
      content: `将向“${branch.name}”新增 ${adding} 名党员、更新 ${updating} 名党员。导入前会先备份当前数据；导入后可在“导入记录”中撤销本次导入。`,
      okText: '导入',
      cancelText: '取消',
      onOk: () => commit(preview),
    });
  }

  async function commit(current: ImportPreview) {
    setPhase({ kind: 'committing', preview: current });
    try {
      // Electron writes it into the backup folder. A browser has no folder: the backup is not offered as a
      // download here (撤销本次导入 restores the import exactly); 设置 → 数据备份 makes one on demand.
      await appBackup.beforeRiskyChange('before-import', platform.backupFolder);
      const result = await importStore.commitMembers(branch.id, current.fileName, toWrite);
      setPhase({ kind: 'idle' });
      message.success(`导入完成：新增 ${result.added} 名党员，更新 ${result.updated} 名党员`);
    } catch (error) {
      setPhase({ kind: 'preview', preview: current });
      modal.error({
        title: '导入失败',
        content: `${errorText(error)}。数据没有任何改动。`,
      });
    }
  }

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="center" wrap>
        <Button type="primary" icon={<UploadOutlined />} onClick={chooseFile} disabled={phase.kind === 'reading' || phase.kind === 'committing'}>
          选择文件
        </Button>
        <Typography.Text type="secondary">
          支持 .xlsx、.xlsm 和 .csv。本版本可导入党员花名册；导入到当前支部“{branch.name}”。
        </Typography.Text>
      </Flex>

      {phase.kind === 'reading' && (
        <Card size="small">
          <Flex vertical gap={8}>
            <Typography.Text>
              正在读取“{phase.fileName}”：{phase.stage}
            </Typography.Text>
            <Progress percent={phase.percent} status="active" aria-label="读取进度" />
            <div>
              <Button onClick={cancelReading}>取消</Button>
            </div>
          </Flex>
        </Card>
      )}

      {preview && counts && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            预览：{preview.fileName}
          </Typography.Title>
          {preview.result.fileIssues.map((issue, i) => (
            <Alert key={i} type={issue.severity === 'error' ? 'error' : 'warning'} showIcon title={issue.message} />
          ))}
          {preview.result.sheets.map((sheet, index) => (
            <Card key={index} size="small" title={`工作表：${sheet.name}`}>
              {sheet.ledger === 'members' ? (
                <SheetPreview
                  sheetIndex={index}
                  sheet={sheet}
                  plans={preview.plans.get(index) ?? []}
                  excluded={excluded}
                  onToggle={toggle}
                />
              ) : sheet.ledger ? (
                <Alert
                  type="info"
                  showIcon
                  title={`识别为“${sheet.ledgerLabel}”，共 ${sheet.rows.length} 行。暂不支持导入此类台账（会议记录等将在后续版本支持）`}
                />
              ) : (
                <Typography.Text type="secondary">不是台账，未读取：{sheet.reason ?? '没有找到表头'}</Typography.Text>
              )}
            </Card>
          ))}
          {preview.plans.size > 0 && (
            <Card size="small">
              <Flex gap={16} align="center" wrap>
                <Typography.Text data-testid="import-summary">
                  新增 {counts.新增} 人，更新 {counts.更新} 人，跳过 {counts.跳过} 人，冲突 {counts.冲突} 人，有错误 {counts.有错误} 行
                </Typography.Text>
                <Typography.Text strong data-testid="import-selected">
                  将导入：新增 {adding} 人，更新 {updating} 人
                </Typography.Text>
                <Space>
                  <Button
                    type="primary"
                    onClick={confirmImport}
                    disabled={toWrite.length === 0}
                    loading={phase.kind === 'committing'}
                  >
                    导入
                  </Button>
                  <Button onClick={() => setPhase({ kind: 'idle' })} disabled={phase.kind === 'committing'}>
                    放弃
                  </Button>
                </Space>
              </Flex>
            </Card>
          )}
        </>
      )}

      <ImportBatchList />
    </Flex>
  );
}
