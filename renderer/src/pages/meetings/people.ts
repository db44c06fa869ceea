import type { SelectProps } from 'antd';
import { useMemo } from 'react';
import type { Member } from '@shared/model';
import type { NameOf } from '@shared/meetings/minutes';
import { matchesPersonQuery } from '@shared/text/pinyin';

/** id → name for every member of the branch (历史党员 too: old records name them). */
export function useNameOf(members: readonly Member[] | undefined): NameOf {
  return useMemo(() => {
    if (!members) {
      // Still loading: say nothing rather than "deleted".
      return () => '';
    }
    const names = new Map(members.map((m) => [m.id, m.name]));
    return (id: string | undefined) => (id ? (names.get(id) ?? '（已删除的人员）') : '');
  }, [members]);
}

export interface PersonOption {
  value: string;
  label: string;
  name: string;
}

/** Active members in roster (pinyin) order; someone who left stays listed while the record names him or her. */
export function personOptions(members: readonly Member[] | undefined, keep: readonly (string | undefined)[] = []): PersonOption[] {
  const kept = new Set(keep.filter(Boolean));
  return (members ?? [])
    .filter((m) => !m.departure || kept.has(m.id))
    .map((m) => ({ value: m.id, label: m.departure ? `${m.name}（已离开）` : m.name, name: m.name }));
}

/** Search a person by 张, zs or zhangsan. */
export const personSearch: SelectProps['showSearch'] = {
  filterOption: (input, option) => (option && typeof option.name === 'string' ? matchesPersonQuery({ name: option.name }, input) : false),
};
