// A ZIP archive of text files, with no dependency: stored, or deflated by the browser's own CompressionStream.
// Names are UTF-8 (general purpose flag bit 11), so any file name survives.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  path: string;
  /** The file's bytes. */
  raw: Uint8Array;
  /** What the archive holds: the bytes themselves (method 0) or deflated (method 8). */
  body: Uint8Array;
  method: 0 | 8;
}

/** The archive's bytes; `files` maps a path inside the archive (e.g. `my-data/events.json`) to its text. Stored. */
export function zipTexts(files: Record<string, string>, date = new Date()): Uint8Array {
  const enc = new TextEncoder();
  return zipArchive(
    Object.entries(files).map(([path, text]): ZipEntry => {
      const raw = enc.encode(text);
      return { path, raw, body: raw, method: 0 };
    }),
    date,
  );
}

/**
 * The same archive with each file deflated where that makes it smaller, by the browser's own CompressionStream
 * ('deflate-raw'); where there is none, stored, as zipTexts.
 */
export async function zipTextsDeflated(files: Record<string, string>, date = new Date()): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const entries = await Promise.all(
    Object.entries(files).map(async ([path, text]): Promise<ZipEntry> => {
      const raw = enc.encode(text);
      const packed = await deflateRaw(raw);
      return packed && packed.length < raw.length ? { path, raw, body: packed, method: 8 } : { path, raw, body: raw, method: 0 };
    }),
  );
  return zipArchive(entries, date);
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream === 'undefined') return null;
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null; // a browser without 'deflate-raw'
  }
}

/**
 * The archive of these entries, each already stored or deflated. Its times are `date` by the UTC clock, or by the
 * machine's own clock (`local`, as a zip tool on that machine would write them).
 */
export function zipArchive(entries: ZipEntry[], date = new Date(), clock: 'utc' | 'local' = 'utc'): Uint8Array {
  const enc = new TextEncoder();
  const [h, mi, sec, y, mo, d] =
    clock === 'utc'
      ? [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()]
      : [date.getHours(), date.getMinutes(), date.getSeconds(), date.getFullYear(), date.getMonth(), date.getDate()];
  const dosTime = (h << 11) | (mi << 5) | (sec >> 1);
  const dosDate = ((Math.max(1980, y) - 1980) << 9) | ((mo + 1) << 5) | d;
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { path, raw, body, method } of entries) {
    const name = enc.encode(path);
    const crc = crc32(raw);
    const head = new DataView(new ArrayBuffer(30));
    head.setUint32(0, 0x04034b50, true);
    head.setUint16(4, 20, true);
    head.setUint16(6, 0x0800, true);
    head.setUint16(8, method, true);
    head.setUint16(10, dosTime, true);
    head.setUint16(12, dosDate, true);
    head.setUint32(14, crc, true);
    head.setUint32(18, body.length, true);
    head.setUint32(22, raw.length, true);
    head.setUint16(26, name.length, true);
    head.setUint16(28, 0, true);
    local.push(new Uint8Array(head.buffer), name, body);
    const cen = new DataView(new ArrayBuffer(46));
    cen.setUint32(0, 0x02014b50, true);
    cen.setUint16(4, 20, true);
    cen.setUint16(6, 20, true);
    cen.setUint16(8, 0x0800, true);
    cen.setUint16(10, method, true);
    cen.setUint16(12, dosTime, true);
    cen.setUint16(14, dosDate, true);
    cen.setUint32(16, crc, true);
    cen.setUint32(20, body.length, true);
    cen.setUint32(24, raw.length, true);
    cen.setUint16(28, name.length, true);
    cen.setUint32(42, offset, true);
    central.push(new Uint8Array(cen.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const cenSize = central.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cenSize, true);
  end.setUint32(16, offset, true);
  const parts = [...local, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
