import { ChartTable } from './ChartTable';

export interface Bar {
  label: string;
  value: number;
  /** Shown after the bar, e.g. "42 · 30%". */
  text: string;
}

interface Props {
  id: string;
  title: string;
  summary: string;
  bars: readonly Bar[];
  labelHeader: string;
  valueHeader: string;
}

const ROW = 26;
const LABEL_W = 150;
const W = 600;

/** Horizontal SVG bars with labels, and the same data as a visually hidden table. */
export function BarList({ id, title, summary, bars, labelHeader, valueHeader }: Props) {
  const top = Math.max(1, ...bars.map((b) => b.value));
  const room = W - LABEL_W - 90;
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        <p class="muted">{summary}</p>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${bars.length * ROW + 4}`} aria-hidden="true" focusable="false">
        {bars.map((bar, i) => (
          <g key={bar.label} transform={`translate(0 ${i * ROW + 2})`}>
            <text class="label" x={LABEL_W - 8} y={ROW / 2 + 4} text-anchor="end">
              {bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label}
            </text>
            <rect
              class="series"
              x={LABEL_W}
              y={4}
              height={ROW - 8}
              width={Math.max(2, (bar.value / top) * room)}
              rx={2}
            />
            <text class="value" x={LABEL_W + (bar.value / top) * room + 6} y={ROW / 2 + 4}>
              {bar.text}
            </text>
          </g>
        ))}
      </svg>
      <ChartTable
        title={title}
        labelHeader={labelHeader}
        valueHeader={valueHeader}
        rows={bars.map((bar) => ({ label: bar.label, text: bar.text }))}
      />
    </figure>
  );
}
