// The time slider's keys: ←/→ a day, Shift a month, PageUp/PageDown a year, Home/End. Returns the new time or null.
import { DAY } from '../model/dates';

/** The same day `n` months later, kept inside the month (31 January + 1 month is the end of February). */
export function addMonths(ms: number, n: number): number {
  const d = new Date(ms);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
  const year = Math.floor(total / 12), month = total - year * 12;
  const last = new Date(0);
  last.setUTCFullYear(year, month + 1, 0);
  const out = new Date(0);
  out.setUTCFullYear(year, month, Math.min(d.getUTCDate(), last.getUTCDate()));
  return out.getTime();
}

export interface SliderKey {
  key: string;
  shiftKey?: boolean;
}

export function sliderKeyTime(e: SliderKey, time: number, bounds: [number, number]): number | null {
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return e.shiftKey ? addMonths(time, 1) : time + DAY;
    case 'ArrowLeft':
    case 'ArrowDown':
      return e.shiftKey ? addMonths(time, -1) : time - DAY;
    case 'PageUp':
      return addMonths(time, 12);
    case 'PageDown':
      return addMonths(time, -12);
    case 'Home':
      return bounds[0];
    case 'End':
      return bounds[1];
    default:
      return null;
  }
}
