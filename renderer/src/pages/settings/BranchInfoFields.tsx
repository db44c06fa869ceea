import { Col, Form, Input, Row, Select } from 'antd';
import { formatDate } from '@shared/dates';
import { ORGANISATION_CATEGORIES, type OrganisationCategory } from '@shared/model';
import type { LedgerStart } from '@shared/rules';
import { DateField } from '../../components/IsoDatePicker';

/** The basic fields of a branch, as the 党员信息采集 asks for them (DOMAIN §3.2). */
export interface BranchInfoValues {
  name: string;
  parentOrganisation?: string;
  category: OrganisationCategory;
  foundedOn?: string;
  /** 台账起始日期; absent: the creation day or the earliest record (shared/rules/ledgerStart.ts). */
  ledgerStartsOn?: string;
}

export const NEW_BRANCH_VALUES: Partial<BranchInfoValues> = { category: '党政机关' };

const LEDGER_START_SOURCES: Record<Exclude<LedgerStart['source'], 'set'>, string> = {
  created: '支部创建当天',
  earliestRecord: '最早一条记录的日期',
};

/** What an empty 台账起始日期 means: for a new branch in general, for an existing one the day it stands for now. */
export function ledgerStartHint(automatic?: LedgerStart): string {
  const rule = '此日期之前的月份不提示缺少会议、谈话和分析。';
  if (!automatic || automatic.source === 'set') {
    return `${rule}不填则从创建当天算起；导入更早的记录后，从最早一条记录算起。`;
  }
  return `${rule}不填则按 ${formatDate(automatic.date)}（${LEDGER_START_SOURCES[automatic.source]}）。`;
}

/**
 * 支部全称, 上级党组织, 组织类别, 成立日期, 台账起始日期: used inside a Form by 创建支部 (welcome page, 支部管理)
 * and by 设置 → 支部信息, so the three forms cannot drift apart. `automaticStart`: what an empty 台账起始日期
 * stands for in an existing branch.
 */
export function BranchInfoFields({ automaticStart }: { automaticStart?: LedgerStart } = {}) {
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Form.Item
          name="name"
          label="支部全称"
          extra="与党组织公章一致，如：中共××局机关第一支部委员会"
          rules={[
            { required: true, whitespace: true, message: '请填写支部全称' },
            {
              warningOnly: true,
              validator: (_, value?: string) =>
                !value?.trim() || value.trim().startsWith('中共')
                  ? Promise.resolve()
                  : Promise.reject(new Error('支部全称一般以“中共”开头，请与公章核对')),
            },
          ]}
        >
          <Input placeholder="中共…支部委员会" maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item name="parentOrganisation" label="上级党组织" extra="如：中共××局机关委员会">
          <Input placeholder="中共…委员会" maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item name="category" label="组织类别" rules={[{ required: true, message: '请选择组织类别' }]}>
          <Select options={ORGANISATION_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <DateField name="foundedOn" label="成立日期" noFuture inputLabel="成立日期" />
      </Col>
      <Col xs={24} lg={12}>
        <DateField
          name="ledgerStartsOn"
          label="台账起始日期"
          extra={ledgerStartHint(automaticStart)}
          noFuture
          inputLabel="台账起始日期"
          placeholder={automaticStart && automaticStart.source !== 'set' ? formatDate(automaticStart.date) : '不填：创建当天'}
        />
      </Col>
    </Row>
  );
}

/** Empty text fields are stored as absent, not as ''. */
export function blankToUndefined(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function cleanBranchInfo(values: BranchInfoValues): BranchInfoValues {
  return {
    name: values.name.trim(),
    parentOrganisation: blankToUndefined(values.parentOrganisation),
    category: values.category,
    foundedOn: values.foundedOn,
    ledgerStartsOn: values.ledgerStartsOn,
  };
}
