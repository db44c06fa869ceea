/**
 * ECharts as 工作台 uses it: the core, the bar chart and the components the two charts need, drawn on canvas
 * (TOOLCHAIN: 'echarts/core' with only what is used). Imported only by the lazily loaded DashboardCharts.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
