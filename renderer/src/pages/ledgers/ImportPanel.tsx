import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { todayIso } from '@shared/dates';
import { organizationChanges, organizationSummary, type PlannedRow } from '@shared/imports';
import { LEDGER_KINDS } from '@shared/kinds';
import { LEDGER_LABELS, namesOtherBranch, type ParsedSheet, type SheetOverride } from '@shared/ledgers';
import { useBranch } from '../../components/BranchContext';
import { useAnalysisSettings } from '../../db/analysisHooks';
import { appBackup } from '../../db/backupHooks';
import { importStore } from '../../db/importHooks';
import { platform } from '../../platform';
import { readInWorker, type ReadJob } from '../../workers/ledgerImportClient';
import { ImportBatchList } from './ImportBatchList';
import {
  applyChoices,
  buildPreview,
  newBranchNames,
  rowsToWrite,
  writeSummary,
  type ConflictChoice,
  type ImportPreview,
} from './previewModel';
import { nextOverride, type OverrideChange } from './overrideModel';
import { SheetFixes } from './SheetFixes';
import { SheetOverrides } from './SheetOverrides';
import { SheetPreview } from './SheetPreview';
import { CancelledError, messageOf } from '@shared/errors';

const IMPORT_FILTERS = [{ name: 'Excel 工作簿、CSV 文件或检查材料包', extensions: ['xlsx', 'xlsm', 'csv', 'zip'] }];

interface ChosenFile {
  name: string;
  data: Uint8Array;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; percent: number; stage: string; previous?: ImportPreview }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'committing'; preview: ImportPreview };


/** Drops the keys of one sheet (`3:17` is sheet 3, row 17). */
function withoutSheet<T extends Set<string> | Map<string, string>>(keys: T, sheetIndex: number): T {
  const prefix = `${sheetIndex}:`;
  const next = (keys instanceof Set ? new Set(keys) : new Map(keys)) as T; // a copy of the same kind as keys
  for (const key of keys.keys()) {
    if (key.startsWith(prefix)) {
      next.delete(key);
    }
  }
  return next;
}

/**
 * 导入: choose a file → read it in a worker (progress, 取消) → preview each sheet with its ledger, header and column
 * choices (changing one reads the file again), the planned action of every row and a way to settle conflicts →
 * back up, then import every included row of every sheet at once.
 */
/** The ledgers 导入 reads, in the registry's order: `党员花名册、“三会一课”会议记录、…、学习培训学时`. */
const IMPORTABLE_LEDGERS = LEDGER_KINDS.map((kind) => LEDGER_LABELS[kind]).join('、');

export function ImportPanel() {
  const branch = useBranch();
  const { modal, message } = App.useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [overrides, setOverrides] = useState<Record<string, SheetOverride>>({});
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [choices, setChoices] = useState<Map<string, ConflictChoice>>(new Map());
  const job = useRef<ReadJob | null>(null);
  const analysisSettings = useAnalysisSettings();

  // Leaving the page stops a read in progress; another branch needs a new preview.
  useEffect(() => () => job.current?.cancel(), []);
  useEffect(() => {
    job.current?.cancel();
    setPhase({ kind: 'idle' });
    setFile(null);
  }, [branch.id]);

  async function read(
    chosen: ChosenFile,
    sheetOverrides: Record<string, SheetOverride>,
    previous?: ImportPreview,
    onCancelled?: () => void,
  ) {
    job.current?.cancel();
    // A re-read (a sheet's ledger, header or columns changed) keeps the preview on screen until the new one is ready.
    setPhase({ kind: 'reading', fileName: chosen.name, percent: 0, stage: '正在启动…', previous });
    const today = todayIso();
    let reading: ReadJob | undefined;
    try {
      // The records to compare with are read first and go to the worker, which reads and plans off this thread.
      const context = await importStore.context(branch.id, today);
      reading = readInWorker(chosen.name, chosen.data, {
        today,
        overrides: sheetOverrides,
        context,
        onProgress: (percent, stage) => setPhase((p) => (p.kind === 'reading' ? { ...p, percent, stage } : p)),
      });
      job.current = reading;
      const { result, plans } = await reading.promise;
      setPhase({ kind: 'preview', preview: buildPreview(result, context, plans) });
    } catch (error) {
      if (error instanceof CancelledError) {
        // A cancelled re-read goes back to the preview it replaced, with the choices that preview was read with.
        setPhase(previous ? { kind: 'preview', preview: previous } : { kind: 'idle' });
        onCancelled?.();
        message.info('已取消读取');
      } else {
        setPhase({ kind: 'idle' });
        modal.error({ title: '无法读取文件', content: messageOf(error) });
      }
    } finally {
      if (reading && job.current === reading) {
        job.current = null;
      }
    }
  }

  async function chooseFile() {
    const files = await platform.openFiles({ filters: IMPORT_FILTERS, multiple: false });
    const chosen = files[0];
    if (!chosen) {
      return;
    }
    const next = { name: chosen.name, data: chosen.data };
    setFile(next);
    setOverrides({});
    setExcluded(new Set());
    setChoices(new Map());
    await read(next, {}, undefined);
  }

  function changeOverride(sheetIndex: number, sheetName: string, override: SheetOverride) {
    if (!file) {
      return;
    }
    const before = { overrides, excluded, choices };
    const next = { ...overrides, [sheetName]: override };
    setOverrides(next);
    // The sheet's rows are read again: its exclusions and conflict choices no longer apply.
    setExcluded(withoutSheet(excluded, sheetIndex));
    setChoices(withoutSheet(choices, sheetIndex));
    void read(file, next, phase.kind === 'preview' ? phase.preview : undefined, () => {
      setOverrides(before.overrides);
      setExcluded(before.excluded);
      setChoices(before.choices);
    });
  }

  /** A fix made in the preview (a cell, a default, columns kept in 备注): the sheet is read and planned again. */
  function fix(sheetIndex: number, sheet: ParsedSheet, change: OverrideChange) {
    changeOverride(sheetIndex, sheet.name, nextOverride(overrides[sheet.name], sheet, change));
  }

  const preview =
    phase.kind === 'preview' || phase.kind === 'committing' ? phase.preview : phase.kind === 'reading' ? phase.previous : undefined;
  const plans = useMemo(() => (preview ? applyChoices(preview, choices) : new Map<number, PlannedRow[]>()), [preview, choices]);
  const toWrite = useMemo(() => rowsToWrite(plans, excluded), [plans, excluded]);
  const fileOrganization = preview?.result.organization;
  // The 组织设置 is written only when it changes something: the same settings read back are 跳过.
  const organizationUnchanged = useMemo(() => {
    const current = preview?.context.branches.find((b) => b.id === branch.id);
    return Boolean(fileOrganization && current && organizationChanges(current, preview?.context.members ?? [], fileOrganization).length === 0);
  }, [preview, fileOrganization, branch.id]);
  const organization = organizationUnchanged ? undefined : fileOrganization;
  const summary = useMemo(
    () => [...writeSummary(toWrite), ...(organization ? [organizationSummary(organization)] : [])],
    [toWrite, organization],
  );
  const creating = useMemo(() => newBranchNames(toWrite), [toWrite]);
  const branchNames = useMemo(
    () => new Map<string, string>((preview?.context.branches ?? []).map((b) => [b.id, b.name])),
    [preview],
  );

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

  function choose(key: string, choice: ConflictChoice | undefined) {
    setChoices((prev) => {
      const next = new Map(prev);
      if (choice === undefined) {
        next.delete(key);
      } else {
        next.set(key, choice);
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
      width: 520,
      content: (
        <Flex vertical gap={4}>
          <span>将导入到“{branch.name}”：</span>
          {summary.map((line) => (
            <span key={line}>{line}</span>
          ))}
          {creating.length > 0 && <span>并新建支部：{creating.map((n) => `“${n}”`).join('、')}</span>}
          <span>导入前会先备份当前数据；导入后可在“导入记录”中撤销本次导入。</span>
        </Flex>
      ),
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
      await importStore.commit(branch.id, current.fileName, toWrite, organization);
      setPhase({ kind: 'idle' });
      setFile(null);
      message.success(`导入完成：${summary.join('；')}`);
    } catch (error) {
      setPhase({ kind: 'preview', preview: current });
      modal.error({ title: '导入失败', content: `${messageOf(error)}。数据没有任何改动。` });
    }
  }

  const busy = phase.kind === 'reading' || phase.kind === 'committing';

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="center" wrap>
        <Button type="primary" icon={<UploadOutlined />} onClick={chooseFile} disabled={busy}>
          选择文件
        </Button>
        <Typography.Text type="secondary">
          支持 .xlsx、.xlsm 和 .csv：{IMPORTABLE_LEDGERS}；也可选择本软件生成的检查材料包（.zip），导入其中的各类台账。导入到当前支部“
          {branch.name}”。
        </Typography.Text>
      </Flex>

      {phase.kind === 'reading' && (
        <Card size="small">
          <Flex vertical gap={8}>
            <Typography.Text data-testid="import-stage">
              正在读取“{phase.fileName}”：{phase.stage}
            </Typography.Text>
            <Progress percent={phase.percent} status="active" aria-label="读取进度" />
            <div>
              <Button onClick={() => job.current?.cancel()}>取消</Button>
            </div>
          </Flex>
        </Card>
      )}

      {preview && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            预览：{preview.fileName}
          </Typography.Title>
          {preview.result.fileIssues.map((issue, i) => (
            <Alert key={i} type={issue.severity === 'error' ? 'error' : 'warning'} showIcon title={issue.message} />
          ))}
          {preview.result.sheets.map((sheet, index) => (
            <Card key={`${index}:${sheet.name}`} size="small" title={`工作表：${sheet.name}`}>
              <Flex vertical gap={12}>
                <SheetOverrides
                  sheet={sheet}
                  override={overrides[sheet.name]}
                  disabled={busy}
                  onChange={(override) => changeOverride(index, sheet.name, override)}
                />
                {sheet.titleBranch && namesOtherBranch(sheet.titleBranch, branch.name) && (
                  <Alert
                    type="warning"
                    showIcon
                    title={`本表标题写的是“${sheet.titleBranch}”，不是当前支部“${branch.name}”。请确认要导入到“${branch.name}”；如不是，请放弃，切换到该支部后再导入。`}
                  />
                )}
                {sheet.ledger && (
                  <SheetFixes sheet={sheet} override={overrides[sheet.name]} disabled={busy} onChange={(change) => fix(index, sheet, change)} />
                )}
                {sheet.ledger ? (
                  <SheetPreview
                    sheetIndex={index}
                    sheet={sheet}
                    planned={preview.plans.get(index) ?? []}
                    plans={plans.get(index) ?? []}
                    excluded={excluded}
                    choices={choices}
                    currentBranchId={branch.id}
                    branchNames={branchNames}
                    onToggle={toggle}
                    onChoose={choose}
                    onEditCell={(row, column, text) => fix(index, sheet, { cell: { row, column, text } })}
                    analysisSettings={analysisSettings}
                    disabled={busy}
                  />
                ) : (
                  <Typography.Text type="secondary">
                    {sheet.excluded ? '本工作表不导入' : `未导入：${sheet.reason ?? '没有找到表头'}`}
                  </Typography.Text>
                )}
              </Flex>
            </Card>
          ))}
          {organizationUnchanged && (
            <Card size="small" title="组织设置">
              <Typography.Text type="secondary">组织设置与本支部现有的一致，跳过</Typography.Text>
            </Card>
          )}
          {organization && (
            <Card size="small" title="组织设置">
              <Flex vertical gap={4}>
                <Typography.Text>{organizationSummary(organization)}</Typography.Text>
                {organization.committee.length > 0 && (
                  <Typography.Text type="secondary">
                    支部委员会：{organization.committee.map((c) => `${c.role} ${c.name}`).join('、')}
                  </Typography.Text>
                )}
                {organization.partyGroups.length > 0 && (
                  <Typography.Text type="secondary">
                    党小组：{organization.partyGroups.map((g) => `${g.name}${g.leaderName ? `（组长 ${g.leaderName}）` : ''}`).join('、')}
                  </Typography.Text>
                )}
                {organization.warnings.map((w) => (
                  <Typography.Text key={w} type="warning">
                    {w}
                  </Typography.Text>
                ))}
              </Flex>
            </Card>
          )}
          {(preview.plans.size > 0 || organization) && (
            <Card size="small">
              <Flex gap={16} align="center" wrap>
                <Typography.Text strong data-testid="import-selected">
                  {summary.length > 0 ? `将导入 ${summary.join('；')}` : '没有可导入的行'}
                </Typography.Text>
                <Space>
                  <Button type="primary" onClick={confirmImport} disabled={(toWrite.length === 0 && !organization) || phase.kind === 'reading'} loading={phase.kind === 'committing'}>
                    导入
                  </Button>
                  <Button
                    onClick={() => {
                      setPhase({ kind: 'idle' });
                      setFile(null);
                    }}
                    disabled={phase.kind === 'committing'}
                  >
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
