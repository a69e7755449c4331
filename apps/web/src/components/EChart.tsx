import { useEffect, useRef } from 'react';
import { echarts, type EChartsCoreOption } from '../charts/echarts.ts';

interface Props {
  option: EChartsCoreOption;
  height: number;
  /** what the chart shows, for screen readers */
  label: string;
  /** a class for the chart's box besides `chart` */
  className?: string;
  /** called with the clicked or tapped item's name (for a map: the region code), and whether a finger tapped it */
  onItemClick?: (name: string, input: { touch: boolean }) => void;
}

/**
 * Whether ECharts can lay a chart out in the box: in the page, and neither 0 px wide nor 0 px high. A map in a box
 * without area throws inside ECharts (its projection scales to nothing and cannot be inverted: "Cannot read
 * properties of null (reading '0')"), and boxes do lose their area for a moment: Chromium lays the whole page out
 * in a 1 × 1 viewport while it captures it on an emulated phone.
 */
function hasArea(element: HTMLElement): boolean {
  return element.isConnected && element.clientWidth > 0 && element.clientHeight > 0;
}

/** A click ECharts made of a finger's tap: from touch events, or from pointer events (where ECharts uses them). */
function isTouch(event: Event | undefined): boolean {
  return !!event && (event.type.startsWith('touch') || (event as PointerEvent).pointerType === 'touch');
}

type Chart = ReturnType<typeof echarts.init>;

/** Lays the chart out in the box's present size (ECharts keeps the size it last measured), with a new option if given. */
function draw(instance: Chart, element: HTMLElement, option: EChartsCoreOption | null) {
  if (instance.getWidth() !== element.clientWidth || instance.getHeight() !== element.clientHeight) instance.resize();
  if (option) instance.setOption(option, { notMerge: true });
}

/**
 * One ECharts instance per mounted chart, resized with its box and disposed on unmount. While the box has no
 * area the chart keeps its last drawing and waits: the next real size redraws it, with any option that came
 * meanwhile.
 */
export function EChart({ option, height, label, className, onItemClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);
  /** an option that arrived while the box had no area */
  const waiting = useRef<EChartsCoreOption | null>(null);
  const onClick = useRef(onItemClick);
  onClick.current = onItemClick;

  useEffect(() => {
    const element = box.current!;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    // The drawing scales as a whole when its box is narrower than the screen it was drawn for: printed on A4.
    instance.on('finished', () => element.querySelector('svg')?.setAttribute('viewBox', `0 0 ${instance.getWidth()} ${instance.getHeight()}`));
    instance.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) onClick.current?.(params.name, { touch: isTouch(params.event?.event) });
    });
    const observer = new ResizeObserver(() => {
      if (!hasArea(element)) return;
      draw(instance, element, waiting.current);
      waiting.current = null;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      waiting.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    if (hasArea(box.current!)) {
      draw(chart.current, box.current!, option);
      waiting.current = null;
    } else {
      waiting.current = option;
    }
  }, [option]);

  return <div ref={box} className={className ? `chart ${className}` : 'chart'} style={{ height }} role="img" aria-label={label} />;
}
