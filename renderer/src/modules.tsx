import { AuditOutlined, BulbOutlined, CalendarOutlined, DashboardOutlined, FileExcelOutlined, MessageOutlined, MoneyCollectOutlined, ReadOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AnalysesPage } from './pages/analyses/AnalysesPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { DuesPage } from './pages/dues/DuesPage';
import { LedgersPage } from './pages/ledgers/LedgersPage';
import { MeetingsPage } from './pages/meetings/MeetingsPage';
import { MembersPage } from './pages/members/MembersPage';
import { RectificationsPage } from './pages/rectifications/RectificationsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { TalksPage } from './pages/talks/TalksPage';
import { TrainingPage } from './pages/training/TrainingPage';

export interface AppModule {
  path: string;
  label: string;
  icon: ReactNode;
  element: ReactNode;
}

/**
 * The left menu, in the product's order (工作台, 党员花名册, 会议记录, 谈心谈话, 思想动态分析, 整改台账, 民主评议, 党费收缴, 学习学时, 台账导入导出, 设置).
 * A module is listed here only once it works: no placeholder pages.
 */
export const MODULES: AppModule[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, element: <DashboardPage /> },
  { path: '/members', label: '党员花名册', icon: <TeamOutlined />, element: <MembersPage /> },
  { path: '/meetings', label: '会议记录', icon: <CalendarOutlined />, element: <MeetingsPage /> },
  { path: '/talks', label: '谈心谈话', icon: <MessageOutlined />, element: <TalksPage /> },
  { path: '/analyses', label: '思想动态分析', icon: <BulbOutlined />, element: <AnalysesPage /> },
  { path: '/rectifications', label: '整改台账', icon: <AuditOutlined />, element: <RectificationsPage /> },
  { path: '/dues', label: '党费收缴', icon: <MoneyCollectOutlined />, element: <DuesPage /> },
  { path: '/training', label: '学习学时', icon: <ReadOutlined />, element: <TrainingPage /> },
  { path: '/ledgers', label: '台账导入导出', icon: <FileExcelOutlined />, element: <LedgersPage /> },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, element: <SettingsPage /> },
];
