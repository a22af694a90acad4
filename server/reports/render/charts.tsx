// Inline SVG charts: horizontal bars, grouped bars and lines. Every bar carries its value in
// text (colour is never the only way to tell series apart), each chart is one image with a
// title and a description (the text alternative), and the page puts the data table under it.
// Presentation attributes only: the CSP forbids style attributes.
import { tr, wholePercent } from '../format.ts';
import type { Chart, ChartBlock } from '../model.ts';

export const SERIES_COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#a35200', '#505a5f', '#912b88', '#006d75', '#6b5b00', '#0b0c0c'];
const colour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
const WIDTH = 640;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

const valueText = (v: number | null, unit: Chart['unit']) => (v === null ? tr('numbers.notShown') : unit === 'percent' ? wholePercent(v) : unit === 'score' ? v.toFixed(Number.isInteger(v) ? 0 : 2) : String(v));
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function Bars({ chart }: { chart: Extract<Chart, { type: 'bars' }> }) {
  const row = 46;
  const span = 500;
  return (
    <g>
      {chart.bars.map((b, i) => {
        const y = i * row + 4;
        const w = b.value === null ? 0 : Math.max(1, (b.value / chart.max) * span);
        return (
          <g key={i}>
            <text x={0} y={y + 13} font-size={14} fill="#0b0c0c">
              {clip(b.label, 80)}
            </text>
            <rect x={0} y={y + 19} width={span} height={18} fill="#f3f2f1" />
            {b.value !== null && <rect x={0} y={y + 19} width={w} height={18} fill={colour(0)} />}
            <text x={span + 8} y={y + 33} font-size={14} font-weight="bold" fill="#0b0c0c">
              {valueText(b.value, chart.unit)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Legend({ series, y, marker = false }: { series: string[]; y: number; marker?: boolean }) {
  return (
    <g>
      {series.map((s, i) => {
        const col = i % 3;
        const line = Math.floor(i / 3);
        const x = col * 213;
        const ly = y + line * 20;
        return (
          <g key={i}>
            {marker ? <Marker index={i} x={x + 7} y={ly + 7} /> : <rect x={x} y={ly} width={14} height={14} fill={colour(i)} />}
            <text x={x + 20} y={ly + 12} font-size={13} fill="#0b0c0c">
              {clip(s, 28)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

const legendHeight = (n: number) => Math.ceil(n / 3) * 20 + 8;

function GroupedBars({ chart }: { chart: Extract<Chart, { type: 'grouped-bars' }> }) {
  const span = 400;
  const bar = 14;
  const gap = 3;
  const top = legendHeight(chart.series.length);
  const groupHeight = 24 + chart.series.length * (bar + gap) + 10;
  return (
    <g>
      <Legend series={chart.series} y={0} />
      {chart.groups.map((g, gi) => {
        const y = top + gi * groupHeight;
        return (
          <g key={gi}>
            <text x={0} y={y + 15} font-size={14} font-weight="bold" fill="#0b0c0c">
              {clip(g.label, 80)}
            </text>
            {g.values.map((v, si) => {
              const by = y + 22 + si * (bar + gap);
              return (
                <g key={si}>
                  <rect x={0} y={by} width={span} height={bar} fill="#f3f2f1" />
                  {v !== null && <rect x={0} y={by} width={Math.max(1, (v / chart.max) * span)} height={bar} fill={colour(si)} />}
                  <text x={span + 8} y={by + 12} font-size={12} fill="#0b0c0c">
                    {`${valueText(v, chart.unit)} · ${clip(chart.series[si] ?? '', 24)}`}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </g>
  );
}

/** A different shape per series, so lines can be told apart without colour. */
function Marker({ index, x, y }: { index: number; x: number; y: number }) {
  const c = colour(index);
  switch (index % 4) {
    case 0:
      return <circle cx={x} cy={y} r={5} fill={c} />;
    case 1:
      return <rect x={x - 5} y={y - 5} width={10} height={10} fill={c} />;
    case 2:
      return <polygon points={`${x},${y - 6} ${x + 6},${y + 5} ${x - 6},${y + 5}`} fill={c} />;
    default:
      return <polygon points={`${x},${y - 6} ${x + 6},${y} ${x},${y + 6} ${x - 6},${y}`} fill={c} />;
  }
}

function Lines({ chart }: { chart: Extract<Chart, { type: 'lines' }> }) {
  const left = 48;
  const right = WIDTH - 44;
  const top = 12;
  const bottom = 232;
  const step = chart.x.length > 1 ? (right - left) / (chart.x.length - 1) : 0;
  const px = (i: number) => (chart.x.length > 1 ? left + i * step : (left + right) / 2);
  const py = (v: number) => bottom - (v / chart.max) * (bottom - top);
  const ticks = [0, 25, 50, 75, 100].filter((t) => t <= chart.max);
  return (
    <g>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={right} y1={py(t)} y2={py(t)} stroke="#b1b4b6" stroke-width={1} />
          <text x={left - 6} y={py(t) + 4} font-size={12} text-anchor="end" fill="#0b0c0c">
            {`${t}%`}
          </text>
        </g>
      ))}
      {chart.x.map((label, i) => (
        <text key={i} x={px(i)} y={bottom + 18} font-size={11} text-anchor="middle" fill="#0b0c0c">
          {label}
        </text>
      ))}
      {chart.series.map((s, si) => {
        // Break the line where a quarter is withheld or empty.
        const runs: string[][] = [[]];
        s.values.forEach((v, i) => {
          if (v === null) runs.push([]);
          else runs.at(-1)!.push(`${px(i)},${py(v)}`);
        });
        return (
          <g key={si}>
            {runs
              .filter((r) => r.length > 1)
              .map((r, ri) => (
                <polyline key={ri} points={r.join(' ')} fill="none" stroke={colour(si)} stroke-width={2.5} />
              ))}
            {s.values.map((v, i) => (v === null ? null : <Marker key={i} index={si} x={px(i)} y={py(v)} />))}
          </g>
        );
      })}
      <g transform={`translate(0, ${bottom + 34})`}>
        <Legend series={chart.series.map((s) => s.label)} y={0} marker />
      </g>
    </g>
  );
}

function heightOf(chart: Chart): number {
  switch (chart.type) {
    case 'bars':
      return chart.bars.length * 46 + 8;
    case 'grouped-bars':
      return legendHeight(chart.series.length) + chart.groups.length * (24 + chart.series.length * 17 + 10);
    case 'lines':
      return 232 + 34 + legendHeight(chart.series.length);
  }
}

export function ChartFigure({ block, id }: { block: ChartBlock; id: string }) {
  const height = heightOf(block.chart);
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        font-family={FONT}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{block.title}</title>
        <desc id={`${id}-desc`}>{block.summary}</desc>
        {block.chart.type === 'bars' ? <Bars chart={block.chart} /> : block.chart.type === 'grouped-bars' ? <GroupedBars chart={block.chart} /> : <Lines chart={block.chart} />}
      </svg>
      <figcaption>{block.title}</figcaption>
    </figure>
  );
}
