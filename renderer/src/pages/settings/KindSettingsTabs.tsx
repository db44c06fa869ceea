import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Skeleton, Space, Switch, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { DEFAULT_DUES_SETTINGS, FIXED_DUES_CATEGORIES, type DuesSettings } from '@shared/dues';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from '@shared/training';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { useDuesSettings } from '../../db/duesHooks';
import { saveDuesSettings, saveTrainingSettings } from '../../db/kindSettings';
import { sameSetting } from '../../db/ruleSettings';
import { useTrainingSettings } from '../../db/trainingHooks';
import { failureMessage } from '../../components/formProblems';
import { SettingsActions } from './SettingsActions';
import {
  DUES_MONTH_LABELS,
  duesSettingsOf,
  duesValuesOf,
  HOURS_KEYS,
  RATED_TABLES,
  TRAINING_LABELS,
  trainingSettingsOf,
  trainingValuesOf,
  type DuesSettingsValues,
  type SettingsOutcome,
  type SettingsProblem,
  type TrainingSettingsValues,
} from './kindSettingsForm';

interface SettingsFormProps<Values, Settings> {
  stored: Settings;
  defaults: Settings;
  valuesOf: (settings: Settings) => Values;
  settingsOf: (values: Values) => SettingsOutcome<Settings>;
  save: (settings: Settings) => Promise<Settings>;
  name: string;
  /** Where the defaults come from and what follows a change. */
  intro: { title: string; description: string };
  children: ReactNode;
}

/** A skeleton while the stored settings load; the form afresh (keyed by the stored value) after each save. */
function SettingsForm<Values extends object, Settings>(props: Omit<SettingsFormProps<Values, Settings>, 'stored'> & { stored: Settings | undefined }) {
  const { stored } = props;
  return stored === undefined ? <Skeleton active /> : <LoadedSettingsForm key={JSON.stringify(stored)} {...props} stored={stored} />;
}

/**
 * A settings form as 设置 → 规则 has it: 保存, 撤销修改, 恢复默认; a bad value is refused with its reason on the
 * field and nothing is stored.
 */
function LoadedSettingsForm<Values extends object, Settings>({ stored, defaults, valuesOf, settingsOf, save, name, intro, children }: SettingsFormProps<Values, Settings>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [tableProblems, setTableProblems] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const initial = valuesOf(stored);
  const undo = () => {
    form.resetFields();
    setTableProblems([]);
    setDirty(false);
  };
  useUnsavedChanges({ dirty, onLeave: undo });

  async function store(settings: Settings, done: string) {
    setSaving(true);
    try {
      await save(settings);
      setDirty(false);
      message.success(done);
    } catch (error) {
      message.error(failureMessage('保存', error));
    } finally {
      setSaving(false);
    }
  }

  function submit(values: Values) {
    const outcome = settingsOf(values);
    if (!outcome.ok) {
      const onField = outcome.problems.filter((p): p is Required<SettingsProblem> => p.name !== undefined);
      form.setFields(onField.map((p) => ({ name: p.name as never, errors: [p.message] }))); // antd types names by Values; these come from the same form model
      setTableProblems(outcome.problems.filter((p) => !p.name).map((p) => p.message));
      return;
    }
    setTableProblems([]);
    void store(outcome.settings, '已保存');
  }

  return (
    <div style={{ maxWidth: 900 }}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={intro.title} description={intro.description} />
      <Form<Values>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initial}
        onValuesChange={() => setDirty(true)}
        onFinish={submit}
      >
        {children}
        {tableProblems.length > 0 && <Alert type="error" showIcon title="无法保存" description={tableProblems.join('；')} style={{ marginTop: 16 }} />}
        <SettingsActions
          saving={saving}
          unsaved={dirty ? '有未保存的修改' : ''}
          onUndo={undo}
          onRestore={() => store(defaults, '已恢复为默认值')}
          restoreQuestion="把本页设置全部恢复为默认值？"
          atDefaults={sameSetting(stored, defaults)}
        />
      </Form>
    </div>
  );
}

/** 设置 → 党费规定: the rate tables, the fixed sums and the dues rules' months; 党费收缴 follows at once. */
export function DuesSettingsTab() {
  const stored = useDuesSettings();
  return (
    <SettingsForm<DuesSettingsValues, DuesSettings>
      stored={stored}
      defaults={DEFAULT_DUES_SETTINGS}
      valuesOf={duesValuesOf}
      settingsOf={duesSettingsOf}
      save={saveDuesSettings}
      name="duesSettings"
      intro={{
        title: '按《关于中国共产党党费收缴、使用和管理的规定》设默认值',
        description: '上级党组织有具体规定的，在这里修改。保存后党费收缴的应交计算和检查立即按新标准；已核定的应交金额不变，重新核定时按新标准计算。对本机所有支部适用。',
      }}
    >
      <Flex vertical gap={16}>
        {RATED_TABLES.map(({ category, key }) => (
          <Card key={key} size="small" title={`${category}党员（${category === '在职' ? '按税后月工资收入' : '按离退休费'}）`}>
            <Form.List name={key}>
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((field, index) => {
                    const last = index === fields.length - 1;
                    const label = `${category}党员第${index + 1}档`;
                    return (
                      <div key={field.key} style={{ display: 'grid', gridTemplateColumns: '330px 320px 40px', alignItems: 'start' }}>
                        {last ? (
                          <Typography.Text style={{ lineHeight: '32px' }}>{fields.length > 1 ? '超过上一档' : '全部收入'}</Typography.Text>
                        ) : (
                          <Form.Item name={[field.name, 'upTo']} label="月收入不超过（含本数）" layout="horizontal" style={{ marginBottom: 0 }}>
                            <Input aria-label={`${label}上限`} inputMode="decimal" suffix="元" style={{ width: 130 }} />
                          </Form.Item>
                        )}
                        <Form.Item name={[field.name, 'percent']} label="交纳比例" layout="horizontal" style={{ marginBottom: 0 }}>
                          <InputNumber aria-label={`${label}比例`} suffix="%" style={{ width: 110 }} />
                        </Form.Item>
                        {fields.length > 1 && <Button type="text" aria-label={`删除${label}`} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                      </div>
                    );
                  })}
                  <div>
                    <Button icon={<PlusOutlined />} onClick={() => add({}, Math.max(0, fields.length - 1))}>
                      增加一档
                    </Button>
                  </div>
                </Flex>
              )}
            </Form.List>
          </Card>
        ))}
        <Card size="small" title="按固定金额交纳（每月）">
          <Space wrap size="large">
            {FIXED_DUES_CATEGORIES.map((category) => (
              <Form.Item key={category} name={['fixed', category]} label={`${category}党员`} style={{ marginBottom: 0 }}>
                <Input inputMode="decimal" suffix="元" style={{ width: 120 }} />
              </Form.Item>
            ))}
          </Space>
        </Card>
        <Card size="small" title="党费收缴检查">
          <Space wrap size="large">
            {Object.entries(DUES_MONTH_LABELS).map(([key, label]) => (
              <Form.Item key={key} name={key} label={label} style={{ marginBottom: 0 }}>
                <InputNumber suffix="个月" style={{ width: 120 }} />
              </Form.Item>
            ))}
          </Space>
        </Card>
      </Flex>
    </SettingsForm>
  );
}

/** 设置 → 学时: the yearly goals, the usual 计时 and 每周一学; 学习学时 and its check follow at once. */
export function TrainingSettingsTab() {
  const stored = useTrainingSettings();
  return (
    <SettingsForm<TrainingSettingsValues, TrainingSettings>
      stored={stored}
      defaults={DEFAULT_TRAINING_SETTINGS}
      valuesOf={trainingValuesOf}
      settingsOf={trainingSettingsOf}
      save={saveTrainingSettings}
      name="trainingSettings"
      intro={{
        title: '按《全国党员教育培训工作规划》设默认值',
        description: '党员每年集中学习培训不少于32学时，基层党组织书记和班子成员不少于56学时；半天计4学时、一天计8学时。上级有具体规定的在这里修改，对本机所有支部适用。',
      }}
    >
      <Flex vertical gap={16}>
        <Card size="small" title="学时要求与计时">
          <Space wrap size="large">
            {HOURS_KEYS.map((key) => (
              <Form.Item key={key} name={key} label={TRAINING_LABELS[key]} style={{ marginBottom: 0 }}>
                <InputNumber suffix="学时" style={{ width: 130 }} />
              </Form.Item>
            ))}
          </Space>
        </Card>
        <Card size="small" title="每周一学">
          <Form.Item name="weeklyStudy" label="检查每周是否开展集中学习" valuePropName="checked" extra="部分地方要求“每周一学”；默认不检查。" style={{ marginBottom: 0 }}>
            <Switch checkedChildren="检查" unCheckedChildren="不检查" />
          </Form.Item>
        </Card>
      </Flex>
    </SettingsForm>
  );
}
