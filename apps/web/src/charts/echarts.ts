/** Only the ECharts parts the app draws with, to keep the first screen's script small. */
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';
