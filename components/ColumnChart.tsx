import { t } from '../utils/i18n/i18n';
import { ChartTable } from './ChartTable';

export interface Column {
  label: string;
  /** Null draws no column (no data), unlike zero. */
  value: number | null;
}

interface Props {
  id: string;
  title: string;
  /** One sentence a reader gets instead of the picture. */
  summary: string;
  columns: readonly Column[];
  /** Top of the scale; the largest value when left out. */
  max?: number;
  /** Header of the data table's first column (what a column stands for). */
  labelHeader: string;
  valueHeader: string;
  /** Label every column (few columns), not every other one. */
  everyLabel?: boolean;
  format?: (value: number) => string;
  /** Draw points joined by a line instead of columns (for averages). */
  line?: boolean;
}

const W = 600;
const H = 160;
const PAD = { top: 16, bottom: 24, left: 8, right: 8 };

/** A small SVG column (or line) chart with its data as a visually hidden table. */
export function ColumnChart({
  id,
  title,
  summary,
  columns,
  max,
  labelHeader,
  valueHeader,
  everyLabel,
  format = String,
  line,
}: Props) {
  const top = Math.max(1, max ?? Math.max(0, ...columns.map((c) => c.value ?? 0)));
  const slot = (W - PAD.left - PAD.right) / Math.max(1, columns.length);
  const y = (value: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - value / top);
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const points = columns
    .map((c, i) => (c.value === null ? null : `${x(i).toFixed(1)},${y(c.value).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        <p class="muted">{summary}</p>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
        <line class="axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
        {line && <polyline class="series-line" points={points} />}
        {columns.map((c, i) => (
          <g key={c.label}>
            {c.value !== null &&
              (line ? (
                <circle class="series" cx={x(i)} cy={y(c.value)} r={4} />
              ) : (
                <rect
                  class="series"
                  x={x(i) - slot * 0.3}
                  width={slot * 0.6}
                  y={y(c.value)}
                  height={Math.max(0, y(0) - y(c.value))}
                  rx={2}
                />
              ))}
            {c.value !== null && c.value > 0 && (
              <text class="value" x={x(i)} y={y(c.value) - 4} text-anchor="middle">
                {format(c.value)}
              </text>
            )}
            {(everyLabel || i % 2 === columns.length % 2) && (
              <text class="label" x={x(i)} y={H - 6} text-anchor="middle">
                {c.label}
              </text>
            )}
          </g>
        ))}
      </svg>
      <ChartTable
        title={title}
        labelHeader={labelHeader}
        valueHeader={valueHeader}
        rows={columns.map((c) => ({
          label: c.label,
          text: c.value === null ? t('chartNone') : format(c.value),
        }))}
      />
    </figure>
  );
}
