import type { SelectProps } from 'antd';
import { useMemo } from 'react';
import type { Branch, Member } from '@shared/model';
import { committeeRoleOf } from '@shared/talks';
import { matchesPersonQuery } from '@shared/text/pinyin';

export type NameOf = (id: string) => string;

/** id → name for every member of the branch (历史党员 too: old records name them). */
export function useNameOf(members: readonly Member[] | undefined): NameOf {
  return useMemo(() => {
    const names = new Map((members ?? []).map((m) => [m.id, m.name]));
    return (id: string) => names.get(id) ?? '（已删除的人员）';
  }, [members]);
}

export interface PersonOption {
  value: string;
  /** 王伟（书记）: a 支委 shows the role, so the 关系 is clear while choosing. */
  label: string;
  name: string;
}

/** Active members in pinyin order (useMembers sorts them); someone who left stays while the record names him. */
export function personOptions(
  members: readonly Member[] | undefined,
  branch: Pick<Branch, 'committee'>,
  keep: readonly (string | undefined)[] = [],
): PersonOption[] {
  const kept = new Set(keep.filter(Boolean));
  return (members ?? [])
    .filter((m) => !m.departure || kept.has(m.id))
    .map((m) => {
      const role = committeeRoleOf(m.id, branch);
      const note = m.departure ? '已离开' : role;
      return { value: m.id, label: note ? `${m.name}（${note}）` : m.name, name: m.name };
    });
}

/** Search a person by 张, zs or zhangsan, or by role (书记). */
export const personSearch: SelectProps['showSearch'] = {
  filterOption: (input, option) => {
    if (!option || typeof option.name !== 'string') {
      return false;
    }
    return matchesPersonQuery({ name: option.name }, input) || (typeof option.label === 'string' && option.label.includes(input.trim()));
  },
};

/** `王伟、李芳`, or `王伟、李芳、张三等5人` for a long 集中 list. */
export function namesOf(ids: readonly string[], nameOf: NameOf, max = Infinity): string {
  const names = ids.slice(0, max).map(nameOf).join('、');
  return ids.length > max ? `${names}等${ids.length}人` : names;
}
