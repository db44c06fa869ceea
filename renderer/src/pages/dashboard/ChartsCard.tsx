import { Card, Skeleton } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import type { DashboardChartsProps } from './charts/DashboardCharts';

// ECharts (≈190 kB gzip) loads with the charts, the first time the card comes into view: never in the first bundle.
const DashboardCharts = lazy(() => import('./charts/DashboardCharts'));

/** Whether the element has come into view once (then it stays true). */
function useSeenOnce<T extends Element>(): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) {
      return undefined;
    }
    if (typeof IntersectionObserver === 'undefined') {
      setSeen(true);
      return undefined;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setSeen(true);
        observer.disconnect();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  return [ref, seen];
}

export function ChartsCard(props: DashboardChartsProps) {
  const [ref, seen] = useSeenOnce<HTMLDivElement>();
  return (
    <Card title="统计图表">
      <div ref={ref} style={{ minHeight: 280 }}>
        {seen ? (
          <Suspense fallback={<Skeleton active />}>
            <DashboardCharts {...props} />
          </Suspense>
        ) : (
          <Skeleton active />
        )}
      </div>
    </Card>
  );
}
