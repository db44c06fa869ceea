import { App, Button, Col, Drawer, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { TALK_FIELD_LABELS, TALK_FORMS, TALK_KINDS, type Member, type Talk } from '@shared/model';
import { intervieweeProblem, relationLabel, type TalkPrefill } from '@shared/talks';
import { useBranch } from '../../components/BranchContext';
import { oneOf } from '@shared/oneOf';
import { DateField } from '../../components/IsoDatePicker';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { ValidationError } from '../../db';
import { talkStore } from '../../db/talkHooks';
import { inputOfValues, isFormField, newTalkValues, valuesOfTalk, type TalkFormValues } from './formModel';
import { IntervieweeSelect } from './IntervieweeSelect';
import { personOptions, personSearch } from './people';
import { failureMessage, setFieldProblems } from '../../components/formProblems';

const { TextArea } = Input;
const KIND_OPTIONS = TALK_KINDS.map((k) => ({ value: k, label: k }));

interface TalkFormDrawerProps {
  open: boolean;
  /** The talk to edit; a new one when absent. */
  talk?: Talk;
  /** For a new talk: what the 记录谈话 button knew (a matrix cell, a missing pair, a 必谈 item). */
  prefill?: TalkPrefill;
  members: readonly Member[];
  onClose: () => void;
  onSaved?: (talk: Talk) => void;
}

/** 记录谈心谈话 / 编辑谈心谈话 in a drawer; the form inside is fresh at every opening. */
export function TalkFormDrawer({ open, talk, prefill, members, onClose, onSaved }: TalkFormDrawerProps) {
  const [saving, setSaving] = useState(false);
  const formId = talk ? 'talkEdit' : 'talkNew';
  // 取消, Esc and ✕ ask before what was typed is thrown away; so does leaving the page.
  const guard = useUnsavedChanges();
  const requestClose = () => guard.confirmLeave(onClose);
  return (
    <Drawer
      title={talk ? '编辑谈心谈话' : '记录谈心谈话'}
      open={open}
      onClose={requestClose}
      size={720}
      destroyOnHidden
      // A click beside the drawer must not throw away what was typed.
      mask={{ closable: false }}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={requestClose}>取消</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={saving}>
            保存
          </Button>
        </Space>
      }
    >
      {open && (
        <TalkForm
          formId={formId}
          talk={talk}
          prefill={prefill}
          members={members}
          onSaving={setSaving}
          onChanged={guard.markDirty}
          onSaved={(saved) => {
            guard.markClean();
            onSaved?.(saved);
            onClose();
          }}
        />
      )}
    </Drawer>
  );
}

interface TalkFormProps {
  formId: string;
  talk?: Talk;
  prefill?: TalkPrefill;
  members: readonly Member[];
  onSaving: (saving: boolean) => void;
  onChanged: () => void;
  onSaved: (talk: Talk) => void;
}

function TalkForm({ formId, talk, prefill, members, onSaving, onChanged, onSaved }: TalkFormProps) {
  const branch = useBranch();
  const { message } = App.useApp();
  const [form] = Form.useForm<TalkFormValues>();
  // Computed once per opening: later live updates must not reset what the user is typing.
  const [initialValues] = useState(() => (talk ? valuesOfTalk(talk) : newTalkValues(prefill)));
  const talkerId = Form.useWatch('talkerId', form) ?? initialValues.talkerId;
  const intervieweeIds = Form.useWatch('intervieweeIds', form) ?? initialValues.intervieweeIds;
  const talkForm = Form.useWatch('form', form) ?? initialValues.form;
  const people = useMemo(
    () => personOptions(members, branch, [talk?.talkerId, ...(talk?.intervieweeIds ?? [])]),
    [members, branch, talk],
  );
  const relation =
    talkerId && intervieweeIds.length > 0 && !intervieweeIds.includes(talkerId) ? relationLabel({ talkerId, intervieweeIds }, branch) : '';

  async function save(values: TalkFormValues) {
    onSaving(true);
    try {
      const input = inputOfValues(values);
      const saved = talk ? await talkStore.update(talk.id, input) : await talkStore.add(branch.id, input);
      message.success('已保存');
      onSaved(saved);
    } catch (error) {
      if (error instanceof ValidationError) {
        setFieldProblems(form, error.problems.filter((p) => isFormField(p.field)));
        message.error(`请检查：${error.problems.map((p) => p.message).join('；')}`);
      } else {
        message.error(failureMessage('保存', error));
      }
    } finally {
      onSaving(false);
    }
  }

  return (
    <Form<TalkFormValues>
      id={formId}
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onChanged}
      onFinish={(values) => void save(values)}
      onFinishFailed={() => message.error('请先填写标红的项目')}
      scrollToFirstError
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <DateField
            name="date"
            label={TALK_FIELD_LABELS.date}
            rules={[{ required: true, message: '请选择谈话时间' }]}
            noFuture
          />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="location" label={TALK_FIELD_LABELS.location} rules={[{ required: true, whitespace: true, message: '请填写谈话地点' }]}>
            <Input maxLength={100} placeholder="如：党员活动室" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="talkerId" label={TALK_FIELD_LABELS.talkerId} rules={[{ required: true, message: '请选择谈话人' }]}>
            <Select allowClear showSearch={personSearch} options={people} placeholder="请选择谈话人" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="form" label={TALK_FIELD_LABELS.form} extra="个别：一对一、面对面；集中：一人与多人">
            <Radio.Group optionType="button" options={TALK_FORMS.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="intervieweeIds"
            label={TALK_FIELD_LABELS.intervieweeIds}
            dependencies={['talkerId', 'form']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value?: string[]) => {
                  const talkerId: unknown = getFieldValue('talkerId');
                  const form = oneOf(TALK_FORMS, getFieldValue('form')) ?? '个别';
                  const problem = intervieweeProblem(typeof talkerId === 'string' ? talkerId : undefined, value ?? [], form);
                  return problem ? Promise.reject(new Error(problem)) : undefined;
                },
              }),
            ]}
          >
            <IntervieweeSelect options={people} multiple={talkForm === '集中'} />
          </Form.Item>
        </Col>
        {relation && (
          <Col xs={24} md={12}>
            <Form.Item label="关系" htmlFor="talk-relation" extra="按支部委员会的组成自动判断（第十九条）">
              <Input id="talk-relation" readOnly variant="borderless" value={relation} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={TALK_FIELD_LABELS.kind} rules={[{ required: true, message: '请选择谈话类型' }]}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label={TALK_FIELD_LABELS.content} rules={[{ required: true, whitespace: true, message: '请填写谈话内容' }]}>
        <TextArea autoSize={{ minRows: 4, maxRows: 16 }} placeholder="谈了哪些方面：思想、工作、学习、生活等" />
      </Form.Item>
      <Form.Item name="issuesRaised" label={TALK_FIELD_LABELS.issuesRaised}>
        <TextArea autoSize={{ minRows: 2, maxRows: 10 }} placeholder="谈话对象反映的问题、意见建议和思想状况" />
      </Form.Item>
      <Form.Item name="followUp" label={TALK_FIELD_LABELS.followUp}>
        <TextArea autoSize={{ minRows: 2, maxRows: 10 }} placeholder="针对反映的问题采取的措施、跟踪落实情况" />
      </Form.Item>
    </Form>
  );
}
