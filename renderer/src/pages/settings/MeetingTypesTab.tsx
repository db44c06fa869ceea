import { App, Alert, Button, Card, Empty, Flex, Form, Input, List, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { MEETING_TYPES } from '@shared/model';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { ValidationError } from '../../db';
import { meetingTypeStore, useCustomMeetingTypes } from '../../db/meetingTypes';
import { failureMessage } from '../../components/formProblems';

/** 设置 → 会议类型: the built-in types read-only, the custom ones with 添加 and 删除. */
export function MeetingTypesTab() {
  const { message, modal } = App.useApp();
  const custom = useCustomMeetingTypes();
  const [form] = Form.useForm<{ name: string }>();
  const adding = useRef(false);
  // A name typed and not yet added is asked about before leaving, like every other form.
  const typed = Form.useWatch('name', form);
  useUnsavedChanges({ dirty: Boolean(typed?.trim()), onLeave: () => form.resetFields() });

  const add = async ({ name }: { name: string }) => {
    if (adding.current) {
      return;
    }
    adding.current = true;
    try {
      const added = await meetingTypeStore.add(name);
      form.resetFields();
      message.success(`已添加会议类型“${added}”`);
    } catch (error) {
      if (error instanceof ValidationError) {
        form.setFields([{ name: 'name', errors: error.problems.map((p) => p.message) }]);
      } else {
        message.error(failureMessage('添加', error));
      }
    } finally {
      adding.current = false;
    }
  };

  const remove = async (name: string) => {
    try {
      await meetingTypeStore.remove(name);
      message.success(`已删除会议类型“${name}”`);
    } catch (error) {
      if (error instanceof ValidationError) {
        modal.warning({ title: '不能删除', content: error.message });
      } else {
        message.error(failureMessage('删除', error));
      }
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Alert type="info" showIcon title="自定义类型不参与三会一课频次检查" description="自定义的会议类型可在会议记录中选用，也可作为“同时计为”的类型。" />
      <Card title="内置会议类型" size="small">
        <List
          size="small"
          aria-label="内置会议类型"
          dataSource={[...MEETING_TYPES]}
          renderItem={(type) => (
            <List.Item>
              <Space>
                {type}
                <Tag>内置</Tag>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title="自定义会议类型" size="small">
        <Form form={form} layout="inline" onFinish={(values) => void add(values)} style={{ marginBottom: 12 }} autoComplete="off">
          <Form.Item
            name="name"
            label="名称"
            rules={[
              { required: true, whitespace: true, message: '请填写会议类型名称' },
              { min: 2, max: 20, message: '名称为2至20个字', transform: (v: string | undefined) => v?.trim() },
            ]}
          >
            <Input placeholder="如 读书班" maxLength={20} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              添加
            </Button>
          </Form.Item>
        </Form>
        {custom === undefined ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : custom.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未添加自定义会议类型" />
        ) : (
          <List
            size="small"
            aria-label="自定义会议类型"
            dataSource={custom}
            renderItem={(type) => (
              <List.Item
                actions={[
                  <Popconfirm key="delete" title={`删除会议类型“${type}”？`} okText="删除" cancelText="取消" onConfirm={() => remove(type)}>
                    <Button type="link" danger size="small" aria-label={`删除${type}`}>
                      删除
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <Typography.Text>{type}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
