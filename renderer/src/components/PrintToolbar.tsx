import { ArrowLeftOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { platform } from '../platform';
import './printSheet.css';
import { failureMessage } from './formProblems';

/** 返回 / 打印 / 下载Word (when the view has a Word twin) above a print view (`.print-page` > `.print-sheet`), hidden on paper. */
export function PrintToolbar({ backTo, download, children }: { backTo: string; download?: () => Promise<void>; children?: ReactNode }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);

  async function downloadWord() {
    if (!download) {
      return;
    }
    setDownloading(true);
    try {
      await download();
    } catch (error) {
      message.error(failureMessage('生成Word文档', error));
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Space wrap>
      <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(backTo)}>
        返回
      </Button>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => void platform.print()}>
        打印
      </Button>
      {download && (
        <Button icon={<FileWordOutlined />} loading={downloading} onClick={() => void downloadWord()}>
          下载Word
        </Button>
      )}
      {children}
    </Space>
  );
}
