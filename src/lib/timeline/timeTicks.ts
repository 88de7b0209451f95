// Axis ticks for a UTC time scale: the interval and the label format follow the visible span.
import type { ScaleTime } from 'd3-scale';
import { utcDay, utcMonth, utcYear, utcWeek, type CountableTimeInterval } from 'd3-time';
import { dateFormat, type Lang } from '../model/dateWords';

export type TickUnit = 'year' | 'month' | 'week' | 'day';

export interface Tick {
  ms: number;
  label: string;
  major: boolean;
}

const DAY = 86_400_000;

/** Which unit to tick by, from the number of pixels a day occupies. */
export function tickUnit(pxPerDay: number): { unit: TickUnit; every: number } {
  if (pxPerDay >= 30) return { unit: 'day', every: 1 };
  if (pxPerDay >= 8) return { unit: 'week', every: 1 };
  if (pxPerDay >= 2.2) return { unit: 'month', every: 1 };
  if (pxPerDay >= 0.7) return { unit: 'month', every: 3 };
  if (pxPerDay >= 0.25) return { unit: 'year', every: 1 };
  if (pxPerDay >= 0.1) return { unit: 'year', every: 2 };
  return { unit: 'year', every: 5 };
}

const INTERVAL: Record<TickUnit, CountableTimeInterval> = { year: utcYear, month: utcMonth, week: utcWeek, day: utcDay };

export function timeTicks(x: ScaleTime<number, number>, lang: Lang = 'en'): Tick[] {
  const [a, b] = x.domain();
  const width = Math.abs(x.range()[1] - x.range()[0]);
  const pxPerDay = width / ((b.getTime() - a.getTime()) / DAY);
  const { unit, every } = tickUnit(pxPerDay);
  const interval = INTERVAL[unit].every(every) ?? INTERVAL[unit];
  // Cached per language (dateFormat): ticks are recomputed on every zoom and pan.
  const year = dateFormat(lang, { year: 'numeric' }), month = dateFormat(lang, { month: 'short' });
  const monthYear = dateFormat(lang, { month: 'short', year: 'numeric' }), day = dateFormat(lang, { day: 'numeric', month: 'short' });
  return interval.range(a, new Date(b.getTime() + 1)).map((d) => {
    const ms = d.getTime();
    const isJan1 = d.getUTCMonth() === 0 && d.getUTCDate() === 1;
    let label: string;
    if (unit === 'year') label = year.format(ms);
    else if (unit === 'month') label = isJan1 ? monthYear.format(ms) : month.format(ms);
    else label = d.getUTCDate() === 1 || isJan1 ? monthYear.format(ms) : day.format(ms);
    return { ms, label, major: unit === 'year' ? true : unit === 'month' ? isJan1 : d.getUTCDate() === 1 };
  });
}
