// A grouped horizontal bar chart drawn on the server as SVG: no script, any screen width (it
// scales with its box), and readable without colour, since the second series is hatched and
// every bar carries its value. It is a picture for sighted readers: the page puts the same
// figures in a table beside it, which is what screen readers read.
import { scaleBand, scaleLinear } from 'd3-scale';

export interface BarChartProps {
  id: string;
  /** Says what the chart shows; the figures are in the table beside it. */
  title: string;
  series: readonly string[];
  groups: readonly { label: string; values: readonly (number | null)[] }[];
  /** How a value is written at the end of its bar; a null value is written as its series' `missing`. */
  format: (value: number) => string;
  missing: readonly string[];
}

const WIDTH = 640;
const LABEL = 170;
const VALUE = 64;
const BAR = 16;
const LEGEND = 28;

export function BarChart(props: BarChartProps) {
  const perGroup = props.series.length * BAR + 14;
  const height = LEGEND + props.groups.length * perGroup;
  const groups = scaleBand<number>().domain(props.groups.map((_, i) => i)).range([LEGEND, height]).paddingInner(0.15);
  const inner = scaleBand<number>().domain(props.series.map((_, i) => i)).range([0, groups.bandwidth()]).padding(0.08);
  const max = Math.max(0, ...props.groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const x = scaleLinear().domain([0, max > 0 ? max : 1]).range([0, WIDTH - LABEL - VALUE]);
  return (
    <svg class="bar-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${props.id}-title`} xmlns="http://www.w3.org/2000/svg">
      <title id={`${props.id}-title`}>{props.title}</title>
      <defs>
        <pattern id={`${props.id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" class="series-1-ground" />
          <line x1="0" y1="0" x2="0" y2="6" class="series-1-line" stroke-width="3" />
        </pattern>
      </defs>
      {props.series.map((label, s) => (
        <g transform={`translate(${LABEL + s * 200} 4)`}>
          <rect width="18" height="14" class={`series-${s}`} fill={s === 1 ? `url(#${props.id}-hatch)` : undefined} />
          <text x="24" y="12">{label}</text>
        </g>
      ))}
      {props.groups.map((group, g) => (
        <g transform={`translate(0 ${groups(g) ?? 0})`}>
          <text x={LABEL - 8} y={groups.bandwidth() / 2} text-anchor="end" dominant-baseline="middle">{group.label}</text>
          {group.values.map((value, s) => (
            <g transform={`translate(${LABEL} ${inner(s) ?? 0})`}>
              <rect width={value === null ? 0 : Math.max(x(value), value > 0 ? 1 : 0)} height={inner.bandwidth()} class={`series-${s}`}
                fill={s === 1 ? `url(#${props.id}-hatch)` : undefined} />
              <text x={(value === null ? 0 : x(value)) + 6} y={inner.bandwidth() / 2} dominant-baseline="middle">
                {value === null ? props.missing[s] ?? '–' : props.format(value)}
              </text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}
