import { AuditOutlined, BulbOutlined, CalendarOutlined, DashboardOutlined, FileExcelOutlined, MessageOutlined, MoneyCollectOutlined, ReadOutlined, SettingOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

export interface AppModule {
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
  /** Fetches the page's code ahead of the click (idempotent). */
  preload: () => Promise<unknown>;
}

/**
 * A page loaded on first use: each module is its own chunk, so the first screen does not wait for the code of
 * all eight (antd tables and forms, the rules, pinyin …). `preload` lets the frame fetch them once it is idle.
 */
function lazyModule(load: () => Promise<{ default: ComponentType }>): Pick<AppModule, 'element' | 'preload'> {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= load());
  const Page = lazy(preload);
  return {
    element: (
      <Suspense fallback={<Skeleton active />}>
        <Page />
      </Suspense>
    ),
    preload,
  };
}

/**
 * The left menu, in the product's order (工作台, 党员花名册, 会议记录, 谈心谈话, 思想动态分析, 整改台账, 民主评议, 党费收缴, 学习学时, 台账导入导出, 设置).
 * A module is listed here only once it works: no placeholder pages.
 */
export const MODULES: AppModule[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, ...lazyModule(() => import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage }))) },
  { path: '/members', label: '党员花名册', icon: <TeamOutlined />, ...lazyModule(() => import('./pages/members/MembersPage').then((m) => ({ default: m.MembersPage }))) },
  { path: '/meetings', label: '会议记录', icon: <CalendarOutlined />, ...lazyModule(() => import('./pages/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage }))) },
  { path: '/talks', label: '谈心谈话', icon: <MessageOutlined />, ...lazyModule(() => import('./pages/talks/TalksPage').then((m) => ({ default: m.TalksPage }))) },
  { path: '/analyses', label: '思想动态分析', icon: <BulbOutlined />, ...lazyModule(() => import('./pages/analyses/AnalysesPage').then((m) => ({ default: m.AnalysesPage }))) },
  { path: '/rectifications', label: '整改台账', icon: <AuditOutlined />, ...lazyModule(() => import('./pages/rectifications/RectificationsPage').then((m) => ({ default: m.RectificationsPage }))) },
  { path: '/reviews', label: '民主评议', icon: <SolutionOutlined />, ...lazyModule(() => import('./pages/reviews/ReviewsPage').then((m) => ({ default: m.ReviewsPage }))) },
  { path: '/dues', label: '党费收缴', icon: <MoneyCollectOutlined />, ...lazyModule(() => import('./pages/dues/DuesPage').then((m) => ({ default: m.DuesPage }))) },
  { path: '/training', label: '学习学时', icon: <ReadOutlined />, ...lazyModule(() => import('./pages/training/TrainingPage').then((m) => ({ default: m.TrainingPage }))) },
  { path: '/ledgers', label: '台账导入导出', icon: <FileExcelOutlined />, ...lazyModule(() => import('./pages/ledgers/LedgersPage').then((m) => ({ default: m.LedgersPage }))) },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, ...lazyModule(() => import('./pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage }))) },
];

/** Once the first screen is up: fetch every module's code while the secretary reads it, so no click waits for it. */
export function preloadModules(): void {
  const run = () => MODULES.forEach((m) => void m.preload().catch(() => undefined));
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(run, { timeout: 2000 });
  } else {
    setTimeout(run, 500);
  }
}
