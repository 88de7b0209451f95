// A latitude and longitude checked before they become a point: numbers, within range, and not evidently swapped.

export type PositionCheck = { ok: true; lon: number; lat: number } | { ok: false; code: string; message: string };

/** Reads numbers or numeric text ("35.69", " 139,69 " with a decimal comma is refused: it is ambiguous in a CSV). */
export function checkPosition(latRaw: unknown, lonRaw: unknown): PositionCheck {
  const lat = toNumber(latRaw);
  const lon = toNumber(lonRaw);
  if (lat === undefined || lon === undefined) {
    const which = lat === undefined ? `latitude "${String(latRaw ?? '')}"` : `longitude "${String(lonRaw ?? '')}"`;
    return { ok: false, code: 'coordinate-not-number', message: `${which} is not a number: expected decimal degrees such as 35.68 and 139.69` };
  }
  if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
    return {
      ok: false,
      code: 'coordinates-swapped',
      message: `latitude ${lat} is beyond ±90 while longitude ${lon} would be a valid latitude: latitude and longitude look swapped (expected latitude first within -90..90, longitude within -180..180)`,
    };
  }
  if (Math.abs(lat) > 90) return { ok: false, code: 'latitude-out-of-range', message: `latitude ${lat} is out of range: expected -90 to 90` };
  if (Math.abs(lon) > 180) return { ok: false, code: 'longitude-out-of-range', message: `longitude ${lon} is out of range: expected -180 to 180` };
  return { ok: true, lat, lon };
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  return Number(t);
}
