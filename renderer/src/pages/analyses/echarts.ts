/**
 * The ECharts parts the 队伍统计 charts use, and nothing else (echarts/core keeps the bundle small). This module
 * is imported dynamically by StatChart, so echarts loads on the first chart shown, not with the app.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const init = echarts.init;
