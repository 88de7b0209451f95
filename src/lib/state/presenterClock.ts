// The presenter window's two clocks: the time since it opened (a stopwatch) and the time of day in the room.

/** `elapsedText(754_000)` is "12:34"; from an hour on, "1:02:03". Negative or non-finite times read as zero. */
export function elapsedText(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const h = Math.floor(total / 3600),
    m = Math.floor((total % 3600) / 60),
    s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** The same span as an ISO 8601 duration, for `<time datetime>`: `elapsedIso(754_000)` is "PT12M34S". */
export function elapsedIso(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const h = Math.floor(total / 3600),
    m = Math.floor((total % 3600) / 60),
    s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || total === 0 ? `${s}S` : ''}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The time of day in hours and minutes, in the language's own way (`timeZone` for tests; the room's by default). */
export function wallClockText(ms: number, lang: string, timeZone?: string): string {
  const key = `${lang}|${timeZone ?? ''}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone })));
  return f.format(ms);
}
