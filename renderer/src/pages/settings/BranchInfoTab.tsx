import { App, Alert, Button, Divider, Flex, Form, Typography } from 'antd';
import { useState } from 'react';
import { isActiveMember, type Branch } from '@shared/model';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { branchStore, useMembers } from '../../db';
import { useAutomaticLedgerStart } from '../../db/dashboardHooks';
import { BranchInfoFields } from './BranchInfoFields';
import { branchFieldsOf, formValuesOf, type BranchFormValues } from './branchFormValues';
import { CommitteeSection } from './CommitteeSection';
import { failureMessage, showProblemsOnForm } from '../../components/formProblems';
import { PartyGroupsSection } from './PartyGroupsSection';

/** 设置 → 支部信息: the branch itself, its 支部委员会 and 党小组, saved together. */
export function BranchInfoTab({ branch }: { branch: Branch }) {
  const [form] = Form.useForm<BranchFormValues>();
  const roster = useMembers(branch.id);
  const members = roster ?? [];
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  // Leaving with changes (menu, another tab's route, closing the window) asks first.
  const { dirty, markDirty, markClean } = useUnsavedChanges({ onLeave: () => form.resetFields() });
  const automaticStart = useAutomaticLedgerStart(branch);
  // Unknown while the roster loads: the committee rules wait for it rather than flash the wrong one.
  const fullMemberCount = roster ? roster.filter((m) => isActiveMember(m) && m.category === '正式党员').length : undefined;

  async function save(values: BranchFormValues) {
    setSaving(true);
    try {
      await branchStore.update(branch.id, branchFieldsOf(values, branch.isDemo));
      markClean();
      message.success('已保存');
    } catch (error) {
      const rest = showProblemsOnForm(form, error, ['name', 'parentOrganisation', 'category', 'foundedOn', 'ledgerStartsOn']);
      if (rest === null) {
        message.error(failureMessage('保存', error));
      } else if (rest.length > 0) {
        message.error(rest.join('；'));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<BranchFormValues>
      form={form}
      // Named so its field ids (branch-info_name …) differ from the 创建支部 dialog's when both are on the page.
      name="branch-info"
      layout="vertical"
      initialValues={formValuesOf(branch)}
      onValuesChange={markDirty}
      onFinish={(values) => void save(values)}
      onFinishFailed={() => message.error('有内容需要修改，请查看标红的项目')}
      scrollToFirstError
      style={{ maxWidth: 1100 }}
    >
      {branch.isDemo && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="这是示例数据"
          description="示例支部的内容都是虚构的，可以随意修改；不再需要时，在“支部管理”中移除示例数据。"
        />
      )}
      <section aria-labelledby="basic-title">
        <Typography.Title id="basic-title" level={5}>
          基本信息
        </Typography.Title>
        <BranchInfoFields automaticStart={automaticStart} />
      </section>
      <Divider />
      <CommitteeSection members={members} fullMemberCount={fullMemberCount} />
      <Divider />
      <PartyGroupsSection members={members} />
      <Divider />
      <Flex gap={12} align="center">
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
        <Button
          disabled={!dirty || saving}
          onClick={() => {
            form.resetFields();
            markClean();
          }}
        >
          撤销修改
        </Button>
        {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
      </Flex>
    </Form>
  );
}
