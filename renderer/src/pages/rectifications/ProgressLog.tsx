import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, Popconfirm, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatDate, todayIso } from '@shared/dates';
import type { Rectification } from '@shared/model';
import { DateField } from '../../components/IsoDatePicker';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { ValidationError } from '../../db';
import { rectificationStore } from '../../db/rectificationHooks';
import { messageOf } from '@shared/errors';
import { setFieldProblems } from '../../components/formProblems';

interface ProgressValues {
  date?: string;
  text?: string;
}

/** 整改进展: dated lines, oldest first, and a line to add one (not after today). 已销号 tasks are read-only. */
export function ProgressLog({ task }: { task: Rectification }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressValues>();
  const [saving, setSaving] = useState(false);
  const closed = task.status === '已销号';
  const guard = useUnsavedChanges({ onLeave: () => form.resetFields() });

  async function add(values: ProgressValues) {
    setSaving(true);
    try {
      await rectificationStore.addProgress(task.id, values);
      form.setFieldsValue({ text: '' });
      guard.markClean();
      message.success('已添加整改进展');
    } catch (error) {
      if (error instanceof ValidationError) {
        setFieldProblems(form, error.problems.filter((p) => p.field === 'date' || p.field === 'text'));
      }
      message.error(messageOf(error));
    } finally {
      setSaving(false);
    }
  }

  async function remove(index: number) {
    try {
      await rectificationStore.removeProgress(task.id, index);
    } catch (error) {
      message.error(messageOf(error));
    }
  }

  return (
    <div>
      {task.progress.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无整改进展" />
      ) : (
        <section aria-label="整改进展记录">
          <Timeline
            items={task.progress.map((entry, index) => ({
              key: index,
              title: formatDate(entry.date),
              content: (
                <Space align="start">
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Typography.Text>
                  {!closed && (
                    <Popconfirm title="删除这条进展？" okText="删除" cancelText="取消" onConfirm={() => void remove(index)}>
                      <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={`删除${formatDate(entry.date)}的进展`} />
                    </Popconfirm>
                  )}
                </Space>
              ),
            }))}
          />
        </section>
      )}
      {!closed && (
        <Form<ProgressValues> form={form} layout="inline" initialValues={{ date: todayIso() }} onValuesChange={guard.markDirty} onFinish={(values) => void add(values)} style={{ rowGap: 8 }}>
          <DateField name="date" label="进展日期" rules={[{ required: true, message: '请选择进展日期' }]} style={{ width: 220 }} noFuture placeholder="进展日期" />
          <Form.Item name="text" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]} style={{ flex: 1, minWidth: 260 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} placeholder="做了什么、到了哪一步" />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={saving}>
              添加进展
            </Button>
          </Form.Item>
        </Form>
      )}
    </div>
  );
}
