import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from '../charts/echarts.ts';

interface Props {
  option: EChartsCoreOption;
  height: number;
  /** what the chart shows, for screen readers */
  label: string;
}

/** One ECharts instance per mounted chart, resized with its box and disposed on unmount. */
export function EChart({ option, height, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} />;
}
