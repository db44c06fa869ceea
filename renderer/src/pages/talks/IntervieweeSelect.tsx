import { Select } from 'antd';
import { personSearch, type PersonOption } from './people';

interface IntervieweeSelectProps {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  options: PersonOption[];
  /** 集中: several 谈话对象; 个别: one. */
  multiple: boolean;
}

/**
 * 谈话对象 always holds a list. 个别 picks one person; 集中 several. A list of several under 个别 stays shown as
 * a list, so nothing the user chose disappears when switching back: the form then asks to fix it.
 */
export function IntervieweeSelect({ id, value = [], onChange, options, multiple }: IntervieweeSelectProps) {
  if (multiple || value.length > 1) {
    return (
      <Select
        id={id}
        mode="multiple"
        allowClear
        showSearch={personSearch}
        options={options}
        value={value}
        onChange={(ids: string[]) => onChange?.(ids)}
        placeholder="请选择谈话对象（可多选）"
      />
    );
  }
  return (
    <Select
      id={id}
      allowClear
      showSearch={personSearch}
      options={options}
      value={value[0]}
      onChange={(memberId?: string) => onChange?.(memberId ? [memberId] : [])}
      placeholder="请选择谈话对象"
    />
  );
}
