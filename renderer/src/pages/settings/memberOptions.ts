import type { SelectProps } from 'antd';
import { isActiveMember, type Member } from '@shared/model';
import { matchesPersonQuery } from '@shared/text/pinyin';

export interface MemberOption {
  value: string;
  label: string;
  /** Searched by name, pinyin initials (zs) or whole pinyin (zhangsan). */
  name: string;
  disabled?: boolean;
}

/**
 * Roster choices for a Select: active members in pinyin order (useMembers already sorts them). `why` may
 * disable some with a reason shown after the name. A member who has left stays visible only while a row still
 * points at him or her, so the row never shows a bare id.
 */
export function memberOptions(
  members: readonly Member[],
  options: { keep?: readonly (string | undefined)[]; why?: (member: Member) => string | undefined } = {},
): MemberOption[] {
  const keep = new Set(options.keep?.filter(Boolean));
  return members
    .filter((m) => isActiveMember(m) || keep.has(m.id))
    .map((m) => {
      const reason = isActiveMember(m) ? options.why?.(m) : '已离开本支部';
      return { value: m.id, label: reason ? `${m.name}（${reason}）` : m.name, name: m.name, disabled: Boolean(reason) };
    });
}

export const memberSearch: SelectProps['showSearch'] = {
  filterOption: (input, option) => (option && typeof option.name === 'string' ? matchesPersonQuery({ name: option.name }, input) : false),
};
