// A file written in Japanese, Hindi or Gujarati says so (meta.lang), so its plain strings are marked and drawn in that
// language; the dataset still validates, gazetteer names included.
import { describe, expect, it } from 'vitest';
import { importAtlasCsv } from '../../../src/lib/import/importFiles';
import { textLanguage } from '../../../src/lib/import/textLanguage';
import { DAY, expectValid, smallGazetteer } from './importHelpers';

describe('textLanguage', () => {
  it.each([
    [['India–Japan summit'], 'en'],
    [['日印首脳会談', '東京で会談'], 'ja'],
    [['भारत-जापान शिखर सम्मेलन'], 'hi'],
    [['ભારત-જાપાન શિખર સંમેલન'], 'gu'],
    [['Summit 首脳'], 'en'],
    [[''], 'en'],
  ])('%j → %s', (texts, lang) => expect(textLanguage(texts)).toBe(lang));
});

describe('a Japanese file', () => {
  const text = ['date,title,place', '2025-08-29,日印首脳会談,東京', '2025-08-30,仙台訪問,仙台', '2026,パキスタンでの会合,"Hyderabad, Pakistan"'].join('\n');

  it('is marked ja, names gazetteer cities in ja where it can, and validates', () => {
    const r = importAtlasCsv('会談.csv', text, { importDay: DAY, gazetteer: smallGazetteer() });
    expect(r.dataset.meta.lang).toBe('ja');
    expect(r.dataset.places.find((p) => p.id === 'tokyo')!.name).toMatchObject({ en: 'Tokyo', ja: '東京' });
    // No Japanese name for this city: a plain string, rather than an object without the dataset's language.
    expect(r.dataset.places.find((p) => p.country === 'PK')!.name).toBe('Hyderabad');
    expect(r.dataset.themes[0].label).toMatchObject({ ja: 'その他' });
    expectValid(r);
  });
});
