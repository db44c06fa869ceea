import { Button, Result, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** A new key (the page's path) clears a fault: the menu leads out of a broken page. */
  resetKey?: string;
  /** 'page' inside the frame (the menu stays); 'app' around everything. */
  scope?: 'page' | 'app';
}

interface State {
  error: Error | null;
  resetKey?: string;
}

/**
 * A fault while drawing a page never blanks the window: the page shows what happened, in Chinese, with 重新加载,
 * and the menu beside it keeps working. Data is not touched: every write is one transaction, so whatever was
 * being saved was either saved or not.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[支部台账] 页面出错', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) {
      return this.props.children;
    }
    const app = this.props.scope === 'app';
    return (
      <Result
        status="error"
        title={app ? '支部台账出错了' : '这一页出错了'}
        subTitle={
          <>
            页面显示时遇到问题，已保存的数据没有受影响。{app ? '' : '可以从左侧菜单打开其他页面，'}或点“重新加载”再试一次；
            若反复出现，请到“设置 › 数据备份”备份后联系技术人员。
          </>
        }
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          错误信息：{error.message || error.name}
        </Typography.Paragraph>
      </Result>
    );
  }
}
