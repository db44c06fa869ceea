import { App, Button, Col, Drawer, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { todayIso } from '@shared/dates';
import {
  checkIdNumber,
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  MEMBER_CATEGORIES,
  MEMBER_FIELD_LABELS,
  MEMBER_STATUSES,
  type Gender,
  type Member,
} from '@shared/model';
import { PARTY_POST_LABEL, partyPostOf } from '@shared/branch/posts';
import { Link } from 'react-router';
import { useBranch } from '../../components/BranchContext';
import { IsoDatePicker } from '../../components/IsoDatePicker';
import { useUnsavedChanges } from '../../components/unsavedChanges';
import { memberStore, ValidationError } from '../../db';
import {
  firstErrorField,
  isMemberFormField,
  MEMBER_FORM_FIELDS,
  memberFormFeedback,
  messageForField,
  newMemberValues,
  REQUIRED_FIELDS,
  toFormValues,
  toMemberInput,
  type MemberFormField,
  type MemberFormValues,
} from './memberFormModel';
import { allFormValues } from '../../components/formValues';
import { failureMessage } from '../../components/formProblems';

interface MemberFormDrawerProps {
  open: boolean;
  /** The member to edit; a new member when absent. */
  member?: Member;
  /** The branch's members (current and 历史), to refuse a duplicate 公民身份号码 while typing. */
  members: readonly Member[];
  onClose: () => void;
  onSaved?: (member: Member) => void;
}

const toOptions = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** 新增党员 / 编辑党员 in a drawer; the form inside is fresh at every opening. */
export function MemberFormDrawer({ open, member, members, onClose, onSaved }: MemberFormDrawerProps) {
  const [saving, setSaving] = useState(false);
  const formId = member ? 'memberEdit' : 'memberNew';
  // Esc, ✕, 取消 and leaving the page must not throw away a half-typed member without asking.
  const guard = useUnsavedChanges();
  const requestClose = () => guard.confirmLeave(onClose);

  return (
    <Drawer
      title={member ? '编辑党员' : '新增党员'}
      open={open}
      onClose={requestClose}
      size={720}
      destroyOnHidden
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
      <MemberForm
        formId={formId}
        member={member}
        members={members}
        onSavingChange={setSaving}
        onChanged={guard.markDirty}
        onClose={() => {
          guard.markClean();
          onClose();
        }}
        onSaved={onSaved}
      />
    </Drawer>
  );
}

interface MemberFormProps extends Omit<MemberFormDrawerProps, 'open'> {
  formId: string;
  onSavingChange: (saving: boolean) => void;
  onChanged: () => void;
}

/** Every check of the store runs while typing and shows under its field: errors red, warnings amber. */
function MemberForm({ formId, member, members, onClose, onSaved, onSavingChange, onChanged }: MemberFormProps) {
  const branch = useBranch();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const touched = useRef(new Set<MemberFormField>());
  const submitted = useRef(false);
  const saving = useRef(false);
  /** Refusals of the store, kept under their field until that field changes. */
  const storeProblems = useRef(new Map<MemberFormField, string>());
  const category = Form.useWatch('category', form);
  const isEdit = Boolean(member);

  const otherIdNumbers = useMemo(
    () => new Set(members.flatMap((m) => (m.id !== member?.id && m.idNumber ? [m.idNumber] : []))),
    [members, member?.id],
  );
  // Fixed for the life of this form: a live update of the record must not overwrite what the user is typing.
  const [initialValues] = useState(() => (member ? toFormValues(member) : newMemberValues()));
  // 性别 and 出生日期 as last taken from a valid ID: they follow a corrected ID unless the user changed them.
  const derived = useRef<{ gender?: Gender; birthDate?: string }>(derivedFromId(initialValues.idNumber));

  const refresh = useCallback(() => {
    const values = allFormValues(form);
    // A new form stays quiet until the user has been at a field; an existing record shows its problems at once.
    const shows = (field: MemberFormField) => isEdit || submitted.current || touched.current.has(field);
    const feedback = memberFormFeedback(values, { today: todayIso(), otherIdNumbers, shows });
    form.setFields(
      MEMBER_FORM_FIELDS.map((name) => {
        const stored = storeProblems.current.get(name);
        const errors = stored && !feedback[name].errors.includes(stored) ? [...feedback[name].errors, stored] : feedback[name].errors;
        return { name, errors, warnings: errors.length > 0 ? [] : feedback[name].warnings };
      }),
    );
    return feedback;
  }, [form, isEdit, otherIdNumbers]);

  useEffect(() => {
    refresh();
  }, [refresh]);

  const onValuesChange = (changed: MemberFormValues) => {
    onChanged();
    for (const field of Object.keys(changed)) {
      if (isMemberFormField(field)) {
        touched.current.add(field);
        storeProblems.current.delete(field);
      }
    }
    if ('idNumber' in changed) {
      const current = allFormValues(form);
      const before = derived.current;
      const next = derivedFromId(changed.idNumber);
      const patch: MemberFormValues = {};
      // Empty, or still what the previous ID gave: follow the new ID (nothing from an ID that fails its check).
      if (!current.gender || current.gender === before.gender) {
        patch.gender = next.gender ?? (current.gender === before.gender ? undefined : current.gender);
      }
      if (!current.birthDate || current.birthDate === before.birthDate) {
        patch.birthDate = next.birthDate ?? (current.birthDate === before.birthDate ? undefined : current.birthDate);
      }
      derived.current = next;
      form.setFieldsValue(patch);
    }
    if (changed.category === '预备党员') {
      form.setFieldsValue({ confirmedOn: undefined });
    }
    refresh();
  };

  // Leaving a field counts as having been there, so 请填写姓名 shows on blur, not only after typing.
  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    const id = event.target instanceof HTMLElement ? event.target.id : '';
    const field = id.startsWith(`${formId}_`) ? id.slice(formId.length + 1) : '';
    if (isMemberFormField(field) && !touched.current.has(field)) {
      touched.current.add(field);
      refresh();
    }
  };

  // Enter confirms a typed date or a choice; saving a half-filled member by it would surprise. Ctrl+Enter saves.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.target instanceof HTMLTextAreaElement) {
      return;
    }
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
      void save();
    }
  };

  const save = async () => {
    if (saving.current) {
      return;
    }
    submitted.current = true;
    const feedback = refresh();
    const firstError = firstErrorField(feedback);
    if (firstError) {
      form.scrollToField(firstError, { block: 'center' });
      return;
    }
    const input = toMemberInput(allFormValues(form));
    saving.current = true;
    onSavingChange(true);
    try {
      const saved = member ? await memberStore.update(member.id, input) : await memberStore.add(branch.id, input);
      message.success('已保存');
      onSaved?.(saved);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) {
        const elsewhere: string[] = [];
        for (const problem of error.problems) {
          if (isMemberFormField(problem.field)) {
            storeProblems.current.set(problem.field, messageForField(problem.field, problem.message, input[problem.field]));
          } else {
            elsewhere.push(problem.message);
          }
        }
        refresh();
        const first = MEMBER_FORM_FIELDS.find((f) => storeProblems.current.has(f));
        if (first) {
          form.scrollToField(first, { block: 'center' });
        }
        message.error(elsewhere.length > 0 ? `未保存：${elsewhere.join('；')}` : '未保存，请按提示修改');
      } else {
        message.error(failureMessage('保存', error));
      }
    } finally {
      saving.current = false;
      onSavingChange(false);
    }
  };

  const item = (field: MemberFormField) => ({
    name: field,
    label: MEMBER_FIELD_LABELS[field],
    required: REQUIRED_FIELDS.has(field),
  });

  return (
    <Form
        form={form}
        name={formId}
        id={formId}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={() => void save()}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        autoComplete="off"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item {...item('name')}>
              <Input maxLength={30} placeholder="与身份证一致" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('idNumber')} extra="填写后自动带出性别和出生日期">
              <Input placeholder="18位号码，末位可为X" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('gender')}>
              <Radio.Group options={toOptions(GENDERS)} optionType="button" />
            </Form.Item>
          </Col>
          <Col span={12}>
            {/* Dates are checked by memberFormFeedback with the rest (future dates, order, unreadable text). */}
            <Form.Item {...item('birthDate')}>
              <IsoDatePicker allowMonth showError={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('ethnicity')}>
              <Select showSearch options={toOptions(ETHNICITIES)} placeholder="请选择民族" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('education')}>
              <Select allowClear options={toOptions(EDUCATION_LEVELS)} placeholder="最高学历" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('category')}>
              <Radio.Group options={toOptions(MEMBER_CATEGORIES)} optionType="button" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('status')}>
              <Select options={toOptions(MEMBER_STATUSES)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('joinedOn')} tooltip="支部大会通过其为预备党员的日期">
              <IsoDatePicker allowMonth showError={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('confirmedOn')} extra={category === '预备党员' ? '预备党员转正后再填写' : undefined}>
              <IsoDatePicker allowMonth showError={false} disabled={category === '预备党员'} placeholder={category === '预备党员' ? '尚未转正' : undefined} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('transferredInOn')} tooltip="从其他党组织转入本支部的日期，转入后应进行交流谈话">
              <IsoDatePicker allowMonth showError={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('disciplinedOn')} tooltip="最近一次受党纪处分的日期，受处分后应进行教育谈话">
              <IsoDatePicker allowMonth showError={false} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('partyGroupId')}>
              <Select
                allowClear
                disabled={branch.partyGroups.length === 0}
                placeholder={branch.partyGroups.length === 0 ? '本支部未设党小组' : '请选择党小组'}
                options={branch.partyGroups.map((g) => ({ value: g.id, label: g.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={PARTY_POST_LABEL} extra={<>由支部信息中的支委会和党小组决定，<Link to="/settings">到支部信息修改</Link></>}>
              <span>{member ? partyPostOf(member.id, branch) : '党员'}</span>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('jobTitle')}>
              <Input maxLength={60} placeholder="如 办公室主任" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item('phone')}>
              <Input maxLength={30} placeholder="手机或办公电话" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item {...item('remarks')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
    </Form>
  );
}

/** 性别 and 出生日期 a valid ID gives; nothing for an ID that fails its check (待核对). */
function derivedFromId(idNumber: string | null | undefined): { gender?: Gender; birthDate?: string } {
  const id = idNumber ? checkIdNumber(idNumber) : undefined;
  return id?.ok ? { gender: id.gender, birthDate: id.birthDate } : {};
}
