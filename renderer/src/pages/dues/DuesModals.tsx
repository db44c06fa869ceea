import { App, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { todayIso } from '@shared/dates';
import { duesOwed, formatPercent, formatYuan, isFixedCategory, monthColumnLabel, parseYuan, type DuesSettings } from '@shared/dues';
import { DUES_CATEGORIES, DUES_METHODS, type DuesCategory, type DuesMethod } from '@shared/model';
import { DateField } from '../../components/IsoDatePicker';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { ValidationError } from '../../db';
import { duesStore } from '../../db/duesHooks';
import { GuardedFormModal } from '../../components/GuardedFormModal';
import { failureMessage } from '../../components/formProblems';


/** A typed amount of 元: the form's rule, with parseYuan's message. */
const yuanRule = (required: boolean) => ({
  validator: async (_: unknown, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') {
      if (required) {
        throw new Error('请填写金额');
      }
      return;
    }
    const parsed = parseYuan(value);
    if (!parsed.ok) {
      throw new Error(parsed.message);
    }
  },
});

const fenOf = (value: string | undefined): number | undefined => {
  const parsed = value && value.trim() !== '' ? parseYuan(value) : undefined;
  return parsed?.ok ? parsed.fen : undefined;
};

interface TermsValues {
  fromMonth: string;
  category: DuesCategory;
  base?: string;
  owed?: string;
}

interface TermsModalProps {
  branchId: string;
  member: { id: string; name: string };
  months: readonly string[];
  initial: { fromMonth: string; category?: DuesCategory; baseFen?: number };
  settings: DuesSettings;
  onClose: () => void;
}

/**
 * 人员类别 and 核定基数 of a member from a month on; 比例 and 应交 follow the 党费规定 table (duesOwed), 其他 takes
 * the 应交 the 支部 decided.
 */
export function DuesTermsModal({ branchId, member, months, initial, settings, onClose }: TermsModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<TermsValues>();
  const guard = useUnsavedChanges();
  const [saving, setSaving] = useState(false);
  const category = Form.useWatch('category', form) ?? initial.category;
  const base = Form.useWatch('base', form);
  const owed = category && category !== '其他' ? duesOwed(category, fenOf(base), settings) : undefined;

  async function save(values: TermsValues) {
    setSaving(true);
    try {
      const computed = values.category === '其他' ? undefined : duesOwed(values.category, fenOf(values.base), settings);
      const owedFen = values.category === '其他' ? fenOf(values.owed) : computed?.owedFen;
      if (owedFen === undefined) {
        form.setFields([{ name: 'base', errors: ['请填写核定基数'] }]);
        return;
      }
      await duesStore.setTerms(branchId, {
        memberId: member.id,
        fromMonth: values.fromMonth,
        category: values.category,
        baseFen: isFixedCategory(values.category) ? undefined : fenOf(values.base),
        percent: computed?.percent,
        owedFen,
      });
      guard.markClean();
      message.success(`已保存${member.name}的党费核定`);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) {
        form.setFields(error.problems.map((p) => ({ name: p.field === 'owedFen' ? 'owed' : 'base', errors: [p.message] })));
      } else {
        message.error(failureMessage('保存', error));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <GuardedFormModal title={`${member.name}的党费核定`} saving={saving} form={form} guard={guard} onClose={onClose}>
      <Form<TermsValues>
        form={form}
        name="duesTerms"
        layout="vertical"
        initialValues={{
          fromMonth: initial.fromMonth,
          category: initial.category ?? '在职',
          base: initial.baseFen !== undefined ? formatYuan(initial.baseFen).replace(/元$/, '') : undefined,
        }}
        onValuesChange={guard.markDirty}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="fromMonth" label="自何月起" rules={[{ required: true, message: '请选择月份' }]}>
          <Select options={months.map((m) => ({ value: m, label: `${m.slice(0, 4)}年${monthColumnLabel(m)}` }))} />
        </Form.Item>
        <Form.Item name="category" label="人员类别" rules={[{ required: true, message: '请选择人员类别' }]}>
          <Select options={DUES_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        {category && !isFixedCategory(category) && (
          <Form.Item name="base" label="核定基数（元/月）" rules={[yuanRule(category !== '其他')]} extra="在职党员为税后月工资收入，离退休党员为离退休费">
            <Input inputMode="decimal" placeholder="如 5600" />
          </Form.Item>
        )}
        {category === '其他' ? (
          <Form.Item name="owed" label="应交（元/月）" rules={[yuanRule(true)]} extra="按支部决定填写">
            <Input inputMode="decimal" />
          </Form.Item>
        ) : (
          <Typography.Paragraph aria-label="按党费标准计算">
            {owed
              ? `按党费标准：${owed.percent !== undefined ? `比例${formatPercent(owed.percent)}，` : ''}每月应交${formatYuan(owed.owedFen)}`
              : '填写核定基数后按党费标准计算应交金额'}
          </Typography.Paragraph>
        )}
      </Form>
    </GuardedFormModal>
  );
}

interface MarkValues {
  month: string;
  paidOn: string;
  collector?: string;
  method?: DuesMethod;
}

interface MarkModalProps {
  branchId: string;
  months: readonly string[];
  initialMonth: string;
  nameOf: (id: string) => string;
  onClose: () => void;
}

/** 一键按应交标记已交: one month, its 交纳日期 and 收款人 asked once, written in one transaction. */
export function MarkMonthModal({ branchId, months, initialMonth, nameOf, onClose }: MarkModalProps) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<MarkValues>();
  const guard = useUnsavedChanges();
  const [saving, setSaving] = useState(false);

  async function save(values: MarkValues) {
    setSaving(true);
    try {
      const result = await duesStore.markMonthPaid(branchId, { ...values, collector: values.collector?.trim() || undefined });
      guard.markClean();
      const count = result.created.length + result.updated.length;
      const label = `${values.month.slice(0, 4)}年${monthColumnLabel(values.month)}`;
      if (result.skipped.length > 0) {
        modal.info({
          title: `已按应交标记${label}${count}人已交`,
          content: (
            <ul>
              {result.skipped.map((s) => (
                <li key={s.memberId}>
                  {nameOf(s.memberId)}：{s.reason}
                </li>
              ))}
            </ul>
          ),
        });
      } else {
        message.success(count > 0 ? `已按应交标记${label}${count}人已交` : `${label}没有需要标记的党员`);
      }
      onClose();
    } catch (error) {
      message.error(failureMessage('标记', error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <GuardedFormModal title="一键按应交标记已交" okText="标记已交" saving={saving} form={form} guard={guard} onClose={onClose}>
      <Typography.Paragraph type="secondary">该月尚未交纳的党员按应交金额记为已交；已部分交纳的、尚未核定基数的不变，请逐笔核对。</Typography.Paragraph>
      <Form<MarkValues>
        form={form}
        name="duesMark"
        layout="vertical"
        initialValues={{ month: initialMonth, paidOn: todayIso() }}
        onValuesChange={guard.markDirty}
        onFinish={(values) => void save(values)}
      >
        <Form.Item name="month" label="缴费月份" rules={[{ required: true, message: '请选择月份' }]}>
          <Select options={months.map((m) => ({ value: m, label: `${m.slice(0, 4)}年${monthColumnLabel(m)}` }))} />
        </Form.Item>
        <DateField name="paidOn" label="交纳日期" rules={[{ required: true, message: '请填写交纳日期' }]} noFuture />
        <Form.Item name="collector" label="收款人">
          <Input />
        </Form.Item>
        <Form.Item name="method" label="交纳方式">
          <Select allowClear options={DUES_METHODS.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
      </Form>
    </GuardedFormModal>
  );
}
