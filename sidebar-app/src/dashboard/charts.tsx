import { useEffect, useId, useRef } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useFormat } from './useFormat';

// Only the pieces these charts use, so the rest of Chart.js stays out of the bundle.
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// Each series differs by dash and point shape as well as colour, so no reading needs colour.
const COLOURS = ['#1f73b7', '#c72a1c', '#038153', '#ad5918', '#6a27b8', '#2f3941'];
const DASHES: number[][] = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 6]];
const POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'] as const;

interface Figure {
  title: string;
  /** One sentence for screen readers: what the chart shows. */
  description: string;
  /** The same data as a table, for everyone who prefers numbers (and for screen readers). */
  table: { head: string[]; rows: (string | number)[][] };
}

function ChartFigure({ title, description, table, config, height = 260 }: Figure & { config: ChartConfiguration; height?: number }) {
  const { t } = useFormat();
  const canvas = useRef<HTMLCanvasElement>(null);
  const id = useId();
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">{title}</figcaption>
      <div className="chart-canvas" style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={`${title}. ${description}`} aria-describedby={`${id}-table`} />
      </div>
      <details className="chart-data">
        <summary>{t('dashboard.dataTable')}</summary>
        <table id={`${id}-table`} className="data">
          <caption className="visually-hidden">{title}</caption>
          <thead><tr>{table.head.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>{r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function LineChart(props: Figure & { labels: string[]; series: { label: string; values: (number | null)[] }[] }) {
  const { labels, series } = props;
  const fmt = useFormat();
  const percent = (v: number | string) => fmt.rate(Number(v));
  const config = useStableConfig(() => ({
    type: 'line',
    data: {
      labels,
      datasets: series.map((s, i) => ({
        label: s.label,
        data: s.values,
        borderColor: COLOURS[i % COLOURS.length],
        backgroundColor: COLOURS[i % COLOURS.length],
        borderDash: DASHES[i % DASHES.length],
        pointStyle: POINTS[i % POINTS.length],
        pointRadius: 5,
        borderWidth: 2,
        spanGaps: false,
      })),
    },
    options: {
      locale: fmt.locale,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { min: 0, max: 1, ticks: { callback: percent } } },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 40 } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.raw === null ? fmt.t('dashboard.notShown') : percent(c.raw as number)}` } },
      },
    },
  }) as ChartConfiguration, [labels, series, fmt]);
  return <ChartFigure {...props} config={config} />;
}

/** Horizontal bars with the value written at the end of each bar (direct labels). */
export function BarChart(props: Figure & { labels: string[]; values: number[]; format?: 'percent' | 'count' }) {
  const { labels, values, format = 'count' } = props;
  const fmt = useFormat();
  const percent = (v: number | string) => fmt.rate(Number(v));
  const written = (v: number) => (format === 'percent' ? percent(v) : fmt.count(v));
  const config = useStableConfig(() => ({
    type: 'bar',
    data: { labels, datasets: [{ label: props.title, data: values, backgroundColor: COLOURS[0], borderColor: '#0f3554', borderWidth: 1 }] },
    options: {
      locale: fmt.locale,
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: 48 } },
      scales: { x: format === 'percent' ? { min: 0, max: 1, ticks: { callback: percent } } : { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => written(c.raw as number) } } },
    },
    plugins: [{
      id: 'directLabels',
      afterDatasetsDraw(chart: Chart) {
        const { ctx } = chart;
        const meta = chart.getDatasetMeta(0);
        ctx.save();
        ctx.fillStyle = '#2f3941';
        ctx.font = '12px system-ui, sans-serif';
        ctx.textBaseline = 'middle';
        meta.data.forEach((bar, i) => {
          const v = values[i];
          ctx.fillText(written(v), bar.x + 6, bar.y);
        });
        ctx.restore();
      },
    }],
  }) as ChartConfiguration, [labels, values, format, fmt]);
  // Bars keep their thickness: the chart grows with the number of bars.
  return <ChartFigure {...props} config={config} height={Math.max(110, 34 * labels.length + 50)} />;
}

// Chart configs rebuilt only when their data changes (a new Chart on every render would flicker).
function useStableConfig(make: () => ChartConfiguration, deps: unknown[]): ChartConfiguration {
  const ref = useRef<{ deps: unknown[]; config: ChartConfiguration } | null>(null);
  if (!ref.current || ref.current.deps.length !== deps.length || ref.current.deps.some((d, i) => d !== deps[i])) {
    ref.current = { deps, config: make() };
  }
  return ref.current.config;
}
