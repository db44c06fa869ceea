import { Flex, Tabs, Typography } from 'antd';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { PackagePanel } from './PackagePanel';

/** 台账导入导出 (route /ledgers): 导入 of the ledgers, 导出 of one ledger, and the 检查材料包 (make and check). */
export function LedgersPage() {
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        台账导入导出
      </Typography.Title>
      <Tabs
        items={[
          { key: 'import', label: '导入', children: <ImportPanel /> },
          { key: 'export', label: '导出', children: <ExportPanel /> },
          { key: 'package', label: '检查材料包', children: <PackagePanel /> },
        ]}
      />
    </Flex>
  );
}
