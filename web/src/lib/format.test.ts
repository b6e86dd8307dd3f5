import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { formatBytes, formatDate, formatKg, isolate, stripBidi } from './format';

const FSI = '\u2068';
const PDI = '\u2069';

describe('isolate', () => {
  it('wraps a value in a first-strong isolate, and leaves an empty one alone', () => {
    expect(isolate('FR-2026-000123')).toBe(`${FSI}FR-2026-000123${PDI}`);
    expect(isolate('')).toBe('');
    expect(stripBidi(isolate('2.5 kg'))).toBe('2.5 kg');
  });
});

describe('interpolated values', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('are isolated in Arabic, so that "50" or a Latin name keeps its place in the sentence', async () => {
    await i18n.changeLanguage('ar');
    expect(i18n.t('common.shown', { count: 50 })).toBe(`${FSI}50${PDI} صفًا معروضًا`);
    expect(i18n.t('home.welcome', { name: 'Jean Dupont' })).toBe(`مرحبًا، ${FSI}Jean Dupont${PDI}`);
  });

  it('are left as they are in left-to-right languages', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('common.shown', { count: 50 })).toBe('50 rows shown');
    await i18n.changeLanguage('fr');
    expect(i18n.t('home.welcome', { name: '<b>Jean</b>' })).toBe('Bienvenue, <b>Jean</b>');
  });
});

describe('quantities', () => {
  it('write the unit the UI language’s way', () => {
    expect(formatKg(12.5, 'en')).toBe('12.5 kg');
    expect(stripBidi(formatKg(12.5, 'fr')).replace(/\s/g, ' ')).toBe('12,5 kg');
    expect(formatKg(12.5, 'ar')).not.toMatch(/kg/);
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5 MB');
  });
});

describe('formatDate', () => {
  it('writes a date the UI language’s way, and a dash for none', () => {
    expect(formatDate('2026-03-01T09:00:00Z', 'en')).toBe('Mar 1, 2026');
    expect(formatDate('2026-03-01T09:00:00Z', 'fr')).toBe('1 mars 2026');
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});
