// Period, and the partial-date comparison its per-1 invariant needs.
import { element } from './element';
import { opt } from './field';
import { dateTime } from './primitive.schema';

/**
 * Whether dateTime `start` is not after `end`. Values of different precision are
 * not comparable in FHIRPath (the comparison is empty, so the invariant holds).
 */
export function notAfter(start: string, end: string): boolean {
  const startTimed = start.includes('T');
  if (startTimed !== end.includes('T')) return true;
  if (!startTimed) return start.length !== end.length || start <= end;
  const [from, to] = [Date.parse(start), Date.parse(end)];
  return Number.isNaN(from) || Number.isNaN(to) || from <= to;
}

export const Period = element(
  { start: opt(dateTime), end: opt(dateTime) },
  {
    invariants: [
      {
        key: 'per-1',
        human: 'if present, start SHALL have a lower value than end',
        holds: (p) => p.start === undefined || p.end === undefined || notAfter(p.start, p.end),
      },
    ],
  },
);
