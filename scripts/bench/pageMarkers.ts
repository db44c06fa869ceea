/**
 * When a module's page "shows its content" with the demo branch: no skeleton or spinner left in the content area,
 * the element `selector` present and, if given, `text` in the content. Each marker needs the page's data (a table
 * row, the 工作台's cards once the rules have run), not just its title.
 */
export interface PageMarker {
  path: string;
  label: string;
  selector: string;
  text: string;
}

/** In the menu's order; the 工作台 first. */
export const MODULE_PATHS_FOR_BENCH: readonly PageMarker[] = [
  { path: '/', label: '工作台', selector: '.ant-card', text: '会议完成情况' },
  { path: '/members', label: '党员花名册', selector: '.ant-table-row', text: '' },
  { path: '/meetings', label: '会议记录', selector: '.ant-table-row', text: '' },
  { path: '/talks', label: '谈心谈话', selector: '.ant-table-row', text: '' },
  { path: '/analyses', label: '思想动态分析', selector: '.ant-table-row', text: '' },
  { path: '/rectifications', label: '整改台账', selector: '.ant-card', text: '项：' },
  { path: '/dues', label: '党费收缴', selector: '.dues-cell', text: '' },
  { path: '/training', label: '学习学时', selector: '.ant-table-row', text: '' },
  { path: '/ledgers', label: '台账导入导出', selector: '.ant-tabs', text: '导入记录' },
  { path: '/settings', label: '设置', selector: '.ant-form', text: '支委会成员' },
];
