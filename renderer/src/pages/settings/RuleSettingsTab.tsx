import { App, Alert, Card, Flex, Radio, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import {
  DEFAULT_RULE_SETTINGS,
  frequencyLabel,
  meetingFrequencySchema,
  readRuleSettings,
  RULE_SETTING_CHOICES,
  ruleSettingsSchema,
  type RuleSettingInfo,
  type RuleSettingKey,
  type RuleSettings,
} from '@shared/rules/settings';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { saveRuleSettings, sameSetting, useRuleSettings } from '../../db/ruleSettings';
import { failureMessage } from '../../components/formProblems';
import { SettingsActions } from './SettingsActions';

const GROUPS = ['会议频次', '会议表决', '谈心谈话', '换届与转正', '组织设置'] as const;
const KEYS = ruleSettingsSchema.keyof().options;
/** The radio value of a stored setting that none of the choices matches (an older version, a hand edit). */
const CUSTOM = 'custom';

function choiceIndex(key: RuleSettingKey, value: unknown): string {
  const index = RULE_SETTING_CHOICES[key].choices.findIndex((c) => sameSetting(c.value, value));
  return index < 0 ? CUSTOM : String(index);
}

/** A value in words, for one no choice describes. */
function describe(value: unknown): string {
  const frequency = meetingFrequencySchema.safeParse(value);
  if (frequency.success) {
    return frequencyLabel(frequency.data);
  }
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function SettingRow({
  settingKey,
  value,
  changed,
  onChange,
}: {
  settingKey: RuleSettingKey;
  value: unknown;
  changed: boolean;
  onChange: (value: unknown) => void;
}) {
  const info: RuleSettingInfo<unknown> = RULE_SETTING_CHOICES[settingKey];
  const selected = choiceIndex(settingKey, value);
  const defaultIndex = choiceIndex(settingKey, DEFAULT_RULE_SETTINGS[settingKey]);
  const titleId = `rule-${settingKey}`;
  return (
    <div
      role="group"
      aria-labelledby={titleId}
      style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 24, padding: '12px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
    >
      <div>
        <Typography.Text strong id={titleId}>
          {info.label}
        </Typography.Text>
        {changed && (
          <Tag color="blue" style={{ marginInlineStart: 8 }}>
            未保存
          </Tag>
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          默认：{info.defaultLabel}
          <br />
          依据：{info.source}
          {info.note && (
            <>
              <br />
              {info.note}
            </>
          )}
        </Typography.Paragraph>
      </div>
      <Radio.Group
        aria-label={info.label}
        value={selected}
        onChange={(e) => {
          // antd types a radio's value as any: ours are the choice's index as text, or CUSTOM.
          const chosen: unknown = e.target.value;
          if (chosen !== CUSTOM) {
            onChange(info.choices[Number(chosen)].value);
          }
        }}
      >
        <Flex vertical gap={4}>
          {info.choices.map((choice, index) => (
            <Radio key={choice.label} value={String(index)}>
              {choice.label}
              {String(index) === defaultIndex && (
                <Tag color="red" variant="outlined" style={{ marginInlineStart: 6 }}>
                  默认
                </Tag>
              )}
              {choice.source && String(index) !== defaultIndex && (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                  （{choice.source}）
                </Typography.Text>
              )}
            </Radio>
          ))}
          {selected === CUSTOM && <Radio value={CUSTOM}>当前值：{describe(value)}（自定义）</Radio>}
        </Flex>
      </Radio.Group>
    </div>
  );
}

/**
 * 设置 → 规则: every frequency and threshold the rules check (RULE_SETTING_CHOICES), each with its 条例 default and
 * article and the stricter local floors as choices. Saved for the whole installation; 工作台, 会议记录 and 谈心谈话
 * follow at once.
 */
export function RuleSettingsTab() {
  const stored = useRuleSettings();
  const { message } = App.useApp();
  const [edits, setEdits] = useState<Partial<Record<RuleSettingKey, unknown>>>({});
  const [saving, setSaving] = useState(false);

  const changedKeys = useMemo(
    () => (stored ? KEYS.filter((key) => key in edits && !sameSetting(edits[key], stored[key])) : []),
    [edits, stored],
  );
  useUnsavedChanges({ dirty: changedKeys.length > 0, onLeave: () => setEdits({}) });
  if (!stored) {
    return <Skeleton active />;
  }
  // The edits are values of the choices: read through the schema like the stored row, none falls back.
  const current = readRuleSettings({ ...stored, ...edits });
  const atDefaults = KEYS.every((key) => sameSetting(current[key], DEFAULT_RULE_SETTINGS[key]));

  async function save(settings: RuleSettings, done: string) {
    setSaving(true);
    try {
      await saveRuleSettings(settings);
      setEdits({});
      message.success(done);
    } catch (error) {
      message.error(failureMessage('保存', error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ maxWidth: 1100 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="规则按《中国共产党支部工作条例（试行）》等规定设默认值"
        description="上级党组织有更严格要求的（如党课每季度1次），在这里选择；保存后工作台、会议记录和谈心谈话立即按新规则检查。规则对本机所有支部适用。"
      />
      <Flex vertical gap={16}>
        {GROUPS.map((group) => (
          <Card key={group} title={group} size="small">
            <Flex vertical>
              {KEYS.filter((key) => RULE_SETTING_CHOICES[key].group === group).map((key) => (
                <SettingRow
                  key={key}
                  settingKey={key}
                  value={current[key]}
                  changed={changedKeys.includes(key)}
                  onChange={(value) => setEdits((prev) => ({ ...prev, [key]: value }))}
                />
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
      <SettingsActions
        saving={saving}
        unsaved={changedKeys.length > 0 ? `有 ${changedKeys.length} 项未保存的修改` : ''}
        onSave={() => void save(current, '已保存')}
        onUndo={() => setEdits({})}
        onRestore={() => save(DEFAULT_RULE_SETTINGS, '已恢复为条例默认值')}
        restoreQuestion="把全部规则恢复为条例默认值？"
        atDefaults={atDefaults}
      />
    </div>
  );
}
