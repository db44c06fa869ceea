import { Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { UnsavedChanges } from './unsavedChanges';

interface Props<Values> {
  title: ReactNode;
  okText?: string;
  saving: boolean;
  form: FormInstance<Values>;
  guard: Pick<UnsavedChanges, 'confirmLeave'>;
  onClose: () => void;
  children: ReactNode;
}

/** A form in a dialog: the OK button submits the form; 取消, Esc and ✕ ask before typed work is dropped; a click outside does nothing. */
export function GuardedFormModal<Values>({ title, okText = '保存', saving, form, guard, onClose, children }: Props<Values>) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => guard.confirmLeave(onClose)}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
