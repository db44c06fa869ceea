import { PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ANALYSIS_ENTRY_LABELS, analysisEntrySchema, isSensitiveState, WORK_PERFORMANCE_SUGGESTIONS, type AnalysisEntry, type AnalysisSettings, type Member } from '@shared/model';
import { wasOnRosterBetween } from '@shared/rules/roster';
import { personOptions, personSearch, useNameOf } from '../meetings/people';
import { EntriesTable } from './EntriesTable';
import { RevealButton, type Reveal } from './useReveal';
import { setFieldProblems } from '../../components/formProblems';

const { TextArea } = Input;

interface EntriesFieldProps {
  value?: AnalysisEntry[];
  onChange?: (entries: AnalysisEntry[]) => void;
  members: readonly Member[];
  settings: AnalysisSettings;
  /** The period being analysed: the picker lists the members on the roster during it. */
  period?: { start: string; end: string };
  reveal: Reveal;
}

type EntryFormValues = AnalysisEntry;

/** 党员思想状况 inside the analysis form: the table, 添加党员, and a dialog per entry. */
export function EntriesField({ value = [], onChange, members, settings, period, reveal }: EntriesFieldProps) {
  const nameOf = useNameOf(members);
  // null: closed; -1: a new entry; otherwise the index edited.
  const [editing, setEditing] = useState<number | null>(null);
  const sensitiveCount = value.filter((e) => isSensitiveState(e.state, settings)).length;

  return (
    <>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Button icon={<PlusOutlined />} onClick={() => setEditing(-1)}>
          添加党员
        </Button>
        <RevealButton reveal={reveal} count={sensitiveCount} />
        <Typography.Text type="secondary">
          已登记 {value.length} 人{sensitiveCount > 0 && !reveal.revealed ? `，其中 ${sensitiveCount} 条为需关注，已隐藏` : ''}
        </Typography.Text>
      </Flex>
      <EntriesTable
        entries={value}
        settings={settings}
        nameOf={nameOf}
        revealed={reveal.revealed}
        onEdit={setEditing}
        onRemove={(index) => onChange?.(value.filter((_, i) => i !== index))}
        onRevealRequest={reveal.request}
      />
      <EntryModal
        open={editing !== null}
        entry={editing !== null && editing >= 0 ? value[editing] : undefined}
        taken={value.filter((_, i) => i !== editing).map((e) => e.memberId)}
        members={members}
        settings={settings}
        period={period}
        onCancel={() => setEditing(null)}
        onSave={(entry) => {
          onChange?.(editing !== null && editing >= 0 ? value.map((e, i) => (i === editing ? entry : e)) : [...value, entry]);
          setEditing(null);
        }}
      />
    </>
  );
}

interface EntryModalProps {
  open: boolean;
  entry?: AnalysisEntry;
  /** Members already listed: not offered again. */
  taken: string[];
  members: readonly Member[];
  settings: AnalysisSettings;
  period?: { start: string; end: string };
  onCancel: () => void;
  onSave: (entry: AnalysisEntry) => void;
}

function EntryModal({ open, entry, taken, members, settings, period, onCancel, onSave }: EntryModalProps) {
  const [form] = Form.useForm<EntryFormValues>();
  const candidates = useMemo(() => {
    const takenIds = new Set(taken);
    const onRoster = members.filter(
      (m) => m.id === entry?.memberId || (!takenIds.has(m.id) && (period ? wasOnRosterBetween(m, period.start, period.end) : !m.departure)),
    );
    return onRoster.map((m) => ({ value: m.id, label: m.name, name: m.name }));
  }, [members, taken, entry, period]);
  const talkers = useMemo(() => personOptions(members, [entry?.talkerId]), [members, entry]);
  const stateOptions = settings.states.map((s) => ({ value: s.label, label: s.label }));
  const sensitiveLabels = settings.states.filter((s) => s.sensitive).map((s) => `“${s.label}”`);

  function submit(values: EntryFormValues) {
    const parsed = analysisEntrySchema.safeParse(values);
    if (!parsed.success) {
      setFieldProblems(form, parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })));
      return;
    }
    onSave(parsed.data);
  }

  return (
    <Modal
      title={entry ? '编辑党员思想状况' : '添加党员思想状况'}
      open={open}
      onCancel={onCancel}
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
    >
      <Form<EntryFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={entry ?? { state: settings.states[0]?.label }}
        onFinish={submit}
      >
        <Form.Item name="memberId" label={ANALYSIS_ENTRY_LABELS.memberId} rules={[{ required: true, message: '请选择党员' }]}>
          <Select showSearch={personSearch} options={candidates} placeholder="输入姓名或拼音查找" disabled={Boolean(entry)} />
        </Form.Item>
        <Form.Item
          name="state"
          label={ANALYSIS_ENTRY_LABELS.state}
          rules={[{ required: true, message: '请选择思想状况' }]}
          extra={sensitiveLabels.length > 0 ? `${sensitiveLabels.join('、')}属于敏感内容：列表中默认隐藏，导出报告时不含具体情况。` : undefined}
        >
          <Radio.Group optionType="button" buttonStyle="solid" options={stateOptions} />
        </Form.Item>
        <Form.Item name="performance" label={ANALYSIS_ENTRY_LABELS.performance}>
          <AutoComplete options={WORK_PERFORMANCE_SUGGESTIONS.map((v) => ({ value: v }))} maxLength={20} />
        </Form.Item>
        <Form.Item name="details" label={ANALYSIS_ENTRY_LABELS.details}>
          <TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="problems" label={ANALYSIS_ENTRY_LABELS.problems}>
          <TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="support" label={ANALYSIS_ENTRY_LABELS.support}>
          <TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="talkerId" label={ANALYSIS_ENTRY_LABELS.talkerId}>
          <Select showSearch={personSearch} allowClear options={talkers} placeholder="与其谈话的同志" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
