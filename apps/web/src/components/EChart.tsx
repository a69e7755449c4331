import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from '../charts/echarts.ts';

interface Props {
  option: EChartsCoreOption;
  height: number;
  /** what the chart shows, for screen readers */
  label: string;
  /** called with the clicked item's name (for a map: the region code) */
  onItemClick?: (name: string) => void;
}

/** One ECharts instance per mounted chart, resized with its box and disposed on unmount. */
export function EChart({ option, height, label, onItemClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const onClick = useRef(onItemClick);
  onClick.current = onItemClick;

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) onClick.current?.(params.name);
    });
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
