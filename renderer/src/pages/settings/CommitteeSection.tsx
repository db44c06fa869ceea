import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { formatDate, isValidIsoDate } from '@shared/dates';
import { allowedCommitteeRoles, COMMITTEE_ROLES, COMMITTEE_THRESHOLD, termEndDate, type CommitteeRole, type Member } from '@shared/model';
import { hasCommittee } from '@shared/branch/posts';
import { DateField } from '../../components/IsoDatePicker';
import type { BranchFormValues } from './branchFormValues';
import { memberOptions, memberSearch } from './memberOptions';

type CommitteeRow = BranchFormValues['committee']['members'][number];

/** 支部委员会 "一般不超过7人" (支部条例 第六章). */
const COMMITTEE_SIZE_LIMIT = 7;

/** Problems of the committee as a whole; each row's own fields are checked by their rules. */
export function committeeProblems(rows: readonly CommitteeRow[], fullMemberCount: number | undefined): string[] {
  const problems: string[] = [];
  const ids = rows.map((r) => r.memberId).filter(Boolean);
  if (new Set(ids).size !== ids.length) {
    problems.push('同一名党员不能重复登记为支委');
  }
  const count = (role: CommitteeRole) => rows.filter((r) => r.role === role).length;
  if (count('书记') > 1) {
    problems.push('书记只能有一名');
  }
  if (count('副书记') > 1) {
    problems.push('副书记只设一名');
  }
  const allowed = fullMemberCount === undefined ? COMMITTEE_ROLES : allowedCommitteeRoles(fullMemberCount);
  if (rows.some((r) => r.role && !allowed.includes(r.role))) {
    problems.push(`正式党员不足${COMMITTEE_THRESHOLD}人，只能设书记、副书记，请删除其他委员`);
  }
  return problems;
}

/** 支部委员会: term dates, 届满日期 (computed), and who holds which role. */
interface CommitteeSectionProps {
  members: readonly Member[];
  /** 正式党员 on the roster; undefined while it loads. */
  fullMemberCount: number | undefined;
}

export function CommitteeSection({ members, fullMemberCount }: CommitteeSectionProps) {
  const form = Form.useFormInstance<BranchFormValues>();
  const electedOn = Form.useWatch(['committee', 'electedOn'], form);
  const termYears = Form.useWatch(['committee', 'termYears'], form);
  const rows: CommitteeRow[] = Form.useWatch(['committee', 'members'], form) ?? [];
  // Text the date field could not read (kept as typed, refused on save) has no 届满日期.
  const endsOn = termEndDate({ electedOn: electedOn && isValidIsoDate(electedOn) ? electedOn : undefined, termYears: termYears ?? 3, members: [] });
  const roles = fullMemberCount === undefined ? COMMITTEE_ROLES : allowedCommitteeRoles(fullMemberCount);
  const committeeElected = fullMemberCount === undefined || hasCommittee(fullMemberCount);
  const options = memberOptions(members, {
    keep: rows.map((r) => r?.memberId),
    // 预备党员 have no 被选举权 (党章 第七条).
    why: (m) => (m.category === '预备党员' ? '预备党员，无被选举权' : undefined),
  });

  return (
    <section aria-labelledby="committee-title">
      <Typography.Title id="committee-title" level={5}>
        支部委员会
      </Typography.Title>
      {!committeeElected && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="正式党员不足7人，不设支部委员会，只设书记（必要时设副书记）"
          description={`本支部现有正式党员 ${fullMemberCount} 人（支部条例 第六章）。`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <DateField name={['committee', 'electedOn']} label="选举日期" noFuture inputLabel="选举日期" />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <DateField
            name={['committee', 'approvedOn']}
            label="批复日期"
            dependencies={[['committee', 'electedOn']]}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value?: string) => {
                  // antd types a field's value as any: the date field holds an ISO date text or nothing.
                  const elected: unknown = getFieldValue(['committee', 'electedOn']);
                  return value && typeof elected === 'string' && elected && value < elected
                    ? Promise.reject(new Error('批复日期不能早于选举日期'))
                    : Promise.resolve();
                },
              }),
            ]}
            noFuture
            inputLabel="批复日期"
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name={['committee', 'approvalDocument']} label="批复文号">
            <Input placeholder="如：×机党〔2024〕12号" maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Form.Item
            name={['committee', 'termYears']}
            label="任期年限"
            tooltip="机关党支部一般每届任期3年（支部条例 第六章）"
            rules={[{ required: true, message: '请填写任期年限' }]}
          >
            <InputNumber min={1} max={5} precision={0} suffix="年" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Form.Item label="届满日期" tooltip="选举日期加任期年限，自动计算">
            <Typography.Text strong={Boolean(endsOn)} type={endsOn ? undefined : 'secondary'}>
              {endsOn ? formatDate(endsOn) : '填写选举日期后自动计算'}
            </Typography.Text>
          </Form.Item>
        </Col>
      </Row>

      <Form.List
        name={['committee', 'members']}
        rules={[
          {
            validator: async (_, value: CommitteeRow[] = []) => {
              const problems = committeeProblems(value, fullMemberCount);
              if (problems.length > 0) {
                throw new Error(problems.join('；'));
              }
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Typography.Text type="secondary">{committeeElected ? '支委会成员' : '书记、副书记'}</Typography.Text>
            <div role="list" aria-label="支委会成员" style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" role="listitem" wrap>
                  <Form.Item
                    name={[field.name, 'memberId']}
                    rules={[{ required: true, message: '请选择党员' }]}
                    style={{ width: 220 }}
                  >
                    <Select
                      aria-label={`第${index + 1}位支委的姓名`}
                      placeholder="选择党员"
                      options={options}
                      showSearch={memberSearch}
                      notFoundContent="花名册中没有找到"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: '请选择职务' }]} style={{ width: 140 }}>
                    <Select aria-label={`第${index + 1}位支委的职务`} placeholder="职务" options={roles.map((r) => ({ value: r, label: r }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'duty']} style={{ flex: '1 1 240px' }}>
                    <Input aria-label={`第${index + 1}位支委的分工`} placeholder="分工，如：负责组织和党员管理工作" maxLength={80} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除第${index + 1}位支委`} onClick={() => remove(field.name)} />
                </Flex>
              ))}
            </div>
            {fields.length === 0 && (
              <Typography.Paragraph type="secondary">尚未登记{committeeElected ? '支委会成员' : '书记'}。</Typography.Paragraph>
            )}
            <Form.ErrorList errors={errors} />
            {committeeElected && fields.length > COMMITTEE_SIZE_LIMIT && (
              <Typography.Paragraph type="warning">支部委员会一般不超过7人（支部条例 第六章）。</Typography.Paragraph>
            )}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => {
                const hasSecretary = rows.some((r) => r?.role === '书记');
                add({ role: !hasSecretary ? '书记' : committeeElected ? undefined : '副书记' });
              }}
              disabled={!committeeElected && fields.length >= roles.length}
              style={{ marginTop: 8 }}
            >
              {committeeElected ? '添加支委' : '添加书记或副书记'}
            </Button>
          </>
        )}
      </Form.List>
    </section>
  );
}
