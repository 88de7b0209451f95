// The validator and the full EDTF parser are chunks of their own: a load the build has checked needs neither until
// a date is outside the fast path. This file imports neither up front, so the first test sees the app's own start.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ALL_DATASET_FILES, datasetDigest } from '../../src/lib/model/datasetFiles';
import { FullParserNeeded, parseDate } from '../../src/lib/model/dates';
import { loadDataset, DatasetLoadError } from '../../src/lib/model/loadDataset';

const ALL = ALL_DATASET_FILES;
function realTexts(): Record<string, string> {
  return Object.fromEntries(ALL.map((f) => [f, readFileSync(`data/india-japan/${f}`, 'utf8')]));
}
function serve(texts: Record<string, string>): typeof fetch {
  return (async (u: string) => new Response(texts[String(u).split('/').pop()!])) as typeof fetch;
}

describe('the full parser and the validator load only when needed', () => {
  it('a checked load with a date outside the fast path fetches the full parser, then builds', async () => {
    expect(parseDate('2026-03~').precision).toBe('month');
    expect(() => parseDate('~2026-03')).toThrow(FullParserNeeded);
    const texts = realTexts();
    const events = JSON.parse(texts['events.json']);
    events[0].date = '~2026-03'; // EDTF level 2: approximate, written before the date
    texts['events.json'] = JSON.stringify(events);
    const sources = JSON.parse(texts['sources.json']);
    sources[0].date = '~2026-07'; // a source's date is parsed with the rest (the detail panel words it)
    texts['sources.json'] = JSON.stringify(sources);
    const ds = await loadDataset('india-japan', 'http://h/', serve(texts), (await datasetDigest(texts))!);
    const e = ds.events.find((x) => x.id === events[0].id)!;
    expect(e.span).toMatchObject({ precision: 'month', approximate: true, min: Date.UTC(2026, 2, 1) });
    expect(ds.sourceById.get(sources[0].id)!.span).toMatchObject({ precision: 'month', approximate: true, min: Date.UTC(2026, 6, 1) });
    expect(parseDate('~2026-03').approximate).toBe(true);
  });
  it('an unchecked load fetches the validator, which reports what is wrong', async () => {
    const texts = realTexts();
    const events = JSON.parse(texts['events.json']);
    events[2].date = 'early 2026';
    texts['events.json'] = JSON.stringify(events);
    const err = await loadDataset('india-japan', 'http://h/', serve(texts)).catch((x) => x);
    expect(err).toBeInstanceOf(DatasetLoadError);
    expect((err as DatasetLoadError).issues).toEqual([expect.objectContaining({ file: 'events.json', record: `"${events[2].id}" (#2)`, field: 'date' })]);
  });
});
