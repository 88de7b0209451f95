import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, zipTexts, zipTextsDeflated } from '../../src/lib/export/zip';

describe('zipTexts', () => {
  it('crc32 matches the known check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
  it('writes an archive that python’s zipfile reads back byte for byte, names in UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    const files = { 'my-data/meta.json': '{"title":"India–Japan 日本"}', 'my-data/events.json': '[]' };
    writeFileSync(join(dir, 'a.zip'), zipTexts(files));
    const out = execFileSync('python3', ['-c', 'import zipfile,sys,json;z=zipfile.ZipFile(sys.argv[1]);print(json.dumps({n:z.read(n).decode() for n in z.namelist()}))', join(dir, 'a.zip')]);
    expect(JSON.parse(out.toString())).toEqual(files);
    expect(readFileSync(join(dir, 'a.zip')).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });
  it('deflated, is smaller where text repeats, stores what deflate cannot shrink, and reads back the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    const files = { 'copy/index.html': '<p>India–Japan 日本</p>\n'.repeat(5000), 'copy/x.txt': 'x' };
    const stored = zipTexts(files);
    const deflated = await zipTextsDeflated(files);
    expect(deflated.length).toBeLessThan(stored.length / 20);
    writeFileSync(join(dir, 'b.zip'), deflated);
    const out = execFileSync('python3', [
      '-c',
      'import zipfile,sys,json;z=zipfile.ZipFile(sys.argv[1]);print(json.dumps({"files":{i.filename:z.read(i).decode() for i in z.infolist()},"methods":{i.filename:i.compress_type for i in z.infolist()}}))',
      join(dir, 'b.zip'),
    ]);
    const back = JSON.parse(out.toString());
    expect(back.files).toEqual(files);
    expect(back.methods).toEqual({ 'copy/index.html': 8, 'copy/x.txt': 0 });
  });
});
