import { Flex, Tabs, Typography } from 'antd';
import { ImportPanel } from './ImportPanel';

/** 台账导入导出 (route /ledgers). This slice: 导入 of 党员花名册; 导出 comes later. */
export function LedgersPage() {
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        台账导入导出
      </Typography.Title>
      <Tabs items={[{ key: 'import', label: '导入', children: <ImportPanel /> }]} />
    </Flex>
  );
}
