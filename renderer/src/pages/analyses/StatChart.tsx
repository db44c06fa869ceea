import { Spin } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '@shared/errors';

/** One ECharts chart; echarts itself is loaded on first use (./echarts). */
export function StatChart({ option, label, height = 240 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    let disposed = false;
    let chart: { setOption: (o: EChartsCoreOption) => void; resize: () => void; dispose: () => void } | undefined;
    let observer: ResizeObserver | undefined;
    import('./echarts')
      .then(({ init }) => {
        if (disposed || !element.current) {
          return;
        }
        chart = init(element.current);
        chart.setOption(option);
        observer = new ResizeObserver(() => chart?.resize());
        observer.observe(element.current);
        setReady(true);
      })
      .catch((error: unknown) => setFailed(messageOf(error)));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [option]);

  return (
    // echarts' aria component writes its own description onto the chart element: the name sits on the figure.
    <div role="figure" aria-label={label} style={{ position: 'relative', height }}>
      {!ready && !failed && <Spin style={{ position: 'absolute', top: '45%', left: '50%' }} />}
      {failed && <div role="alert">图表加载失败：{failed}</div>}
      <div ref={element} className="analysis-chart" style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
