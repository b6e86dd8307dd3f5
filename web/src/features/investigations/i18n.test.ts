import { describe, expect, it } from 'vitest';

/**
 * The `investigations` namespace's strings are checked with every other namespace's in
 * ../../i18n/i18n.test.ts (keys, plural forms, placeholders, French typography and terms,
 * Arabic translated); here, that the modules using it register it (`import '@/i18n/investigations'`),
 * and that the app's first script does not carry it.
 */
describe('the investigations namespace', () => {
  it('is registered as the `investigations` namespace by its module, not with the first script', async () => {
    const { default: i18n } = await import('@/i18n');
    expect(i18n.hasResourceBundle('en', 'investigations')).toBe(false);
    await import('@/i18n/investigations');
    expect(i18n.getFixedT('fr', 'investigations')('nav')).toBe('Enquêtes');
    expect(i18n.getFixedT('ar', 'investigations')('tabs.timeline')).toBe('التسلسل الزمني');
  });
});
