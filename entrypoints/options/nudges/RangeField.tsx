/**
 * A start and an end time whose end must come after the start (working hours, the random
 * window).
 */
import { useState } from 'preact/hooks';
import { parseClockTime } from '../../../utils/nudges/nudge-settings';
import { TimeField } from './TimeField';

/** Two time fields; saved only when both are valid and the end is after the start. */
export function RangeField(props: {
  startLabel: string;
  endLabel: string;
  /** Said when the end is not after the start. */
  orderProblem: string;
  start: string;
  end: string;
  onValid: (start: string, end: string) => void;
}) {
  const [range, setRange] = useState({ start: props.start, end: props.end });
  const s = parseClockTime(range.start);
  const e = parseClockTime(range.end);
  const order = s !== null && e !== null && e <= s ? props.orderProblem : null;
  const change = (next: { start: string; end: string }) => {
    setRange(next);
    const a = parseClockTime(next.start);
    const b = parseClockTime(next.end);
    if (a !== null && b !== null && b > a) props.onValid(next.start, next.end);
  };
  return (
    <>
      <div class="row">
        <TimeField
          label={props.startLabel}
          value={range.start}
          onValid={(start) => change({ ...range, start })}
        />
        <TimeField
          label={props.endLabel}
          value={range.end}
          onValid={(end) => change({ ...range, end })}
        />
      </div>
      {order && (
        <p class="error" role="alert">
          {order}
        </p>
      )}
    </>
  );
}
