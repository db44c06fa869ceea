import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useCallback, useState } from 'react';

export interface Reveal {
  revealed: boolean;
  /** Asks first; shows the sensitive entries only after 确定. */
  request: () => void;
  hide: () => void;
}

/**
 * 需关注 entries stay masked until the user explicitly asks and confirms (保密: individual data are not shown to
 * whoever looks at the screen). Held per page: leaving the page masks them again.
 */
export function useReveal(): Reveal {
  const { modal } = App.useApp();
  const [revealed, setRevealed] = useState(false);
  const request = useCallback(() => {
    modal.confirm({
      title: '显示敏感内容',
      content: '需关注党员的姓名和具体情况属于保密内容，请确认周围无无关人员后再显示。',
      okText: '确认显示',
      cancelText: '取消',
      onOk: () => setRevealed(true),
    });
  }, [modal]);
  const hide = useCallback(() => setRevealed(false), []);
  return { revealed, request, hide };
}

/** 显示敏感内容 / 隐藏敏感内容. */
export function RevealButton({ reveal, count }: { reveal: Reveal; count: number }) {
  if (count === 0) {
    return null;
  }
  return reveal.revealed ? (
    <Button icon={<EyeInvisibleOutlined />} onClick={reveal.hide}>
      隐藏敏感内容
    </Button>
  ) : (
    <Button icon={<EyeOutlined />} onClick={reveal.request}>
      显示敏感内容
    </Button>
  );
}

export const MASKED_NAME = '（已隐藏）';

/** `需关注（已隐藏）`. */
export function maskedState(state: string): string {
  return `${state}（已隐藏）`;
}
