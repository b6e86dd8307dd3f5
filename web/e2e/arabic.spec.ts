import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import { ar } from '../src/i18n/ar';
import { en } from '../src/i18n/en';
import { stripBidi } from '../src/lib/format';
import { AdminApi, PASSWORD, expect, expectAccessible, field, minimalCase, test, uid, UserApi } from './support';

/**
 * Arabic is complete: the main screens, signed in as an officer, a supervisor, an auditor and an
 * administrator with the app in Arabic, each
 *   - photographed (full page) into test-results/arabic/<screen>.png (not tracked), to look at
 *     how mixed Arabic and Latin text reads;
 *   - checked by axe (no serious or critical violation);
 *   - checked for English: no visible text (nor placeholder) is an English interface string.
 *
 * The English strings are the values of src/i18n/en.ts whose Arabic differs (not "UN/LOCODE"),
 * longer than 3 characters and with letters; a value with placeholders matches as a pattern
 * ("Welcome, {{name}}" → "Welcome, …"). The English labels of the code lists (where an Arabic
 * one exists) count too: a code-list label shown in English is a failure. Data is skipped: what
 * the app marks `translate="no"` (names, references, codes) or `data-i18n-ignore`, input
 * values, and whatever else the spec created, which never equals an interface string.
 */

const SHOTS = fileURLToPath(new URL('../test-results/arabic/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// The English interface strings

type Dict = { [key: string]: string | Dict };

function flatten(dict: Dict, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(dict)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else flatten(v, `${prefix}${k}.`, out);
  }
  return out;
}

/** Without bidirectional controls (the isolates i18n puts around values, Intl's marks), spaces collapsed. */
const normalize = (s: string) => stripBidi(s).replace(/\s+/g, ' ').trim();
/** A text node may carry the separator next to it ("Reason: ", " · "). */
const SEPARATORS = /^[\s·:;,—–]+|[\s·:;,—–]+$/g;
const PLACEHOLDER = /{{[^}]*}}/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface EnglishStrings {
  /** normalized English text → where it comes from (an i18n key, a code-list entry) */
  exact: Map<string, string>;
  patterns: { re: RegExp; source: string }[];
}

function interfaceStrings(): EnglishStrings {
  const english = flatten(en as unknown as Dict);
  const arabic = flatten(ar as unknown as Dict);
  const exact = new Map<string, string>();
  const patterns: EnglishStrings['patterns'] = [];
  for (const [key, raw] of english) {
    const value = normalize(raw);
    if (arabic.get(key) === raw) continue; // the same in both (codes, symbols)
    const words = value.replace(PLACEHOLDER, '');
    if (words.replace(/[^\p{L}]/gu, '').length <= 3) continue;
    if (!/{{[^}]*}}/.test(value)) {
      exact.set(value, key);
      continue;
    }
    const body = value
      .split(PLACEHOLDER)
      .map((part) => escapeRegExp(part))
      .join('.+?');
    patterns.push({ re: new RegExp(`^${body}$`, 'u'), source: key });
  }
  return { exact, patterns };
}

/** The English labels of the code lists whose entries have an Arabic one. */
async function codeListLabels(request: APIRequestContext, token: UserApi): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const lists = await token.get<{ items: { name: string }[] }>('/api/v1/codelists');
  for (const { name } of lists.items) {
    const res = await request.get(`/api/v1/codelists/${name}`, { headers: token.headers() });
    expect(res.status(), await res.text()).toBe(200);
    const list = (await res.json()) as { entries: { code: string; labels: Record<string, string | undefined> }[] };
    for (const e of list.entries) {
      const english = e.labels.en ? normalize(e.labels.en) : '';
      if (english.length > 3 && e.labels.ar && e.labels.ar !== e.labels.en) out.set(english, `code list ${name}: ${e.code}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What the page shows

interface Shown {
  text: string;
  /** the nearest test id, to find it */
  where: string;
}

/** Every visible text node of the page (and placeholder), data marked as such left out. */
function shownTexts(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    // user-entered free text (narrative, descriptions, messages) is shown with dir="auto", and
    // a history's before → after values are the record's own data
    const data = '[translate="no"], [data-i18n-ignore], [dir="auto"], [data-testid="history-old"], [data-testid="history-new"]';
    const notText = `script, style, noscript, textarea, select, ${data}`;
    const where = (el: Element) => {
      const near = el.closest('[data-testid]');
      return near ? `[data-testid="${near.getAttribute('data-testid')}"] ${el.tagName.toLowerCase()}` : el.tagName.toLowerCase();
    };
    const out: { text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent ?? '';
      if (!el || !text.trim() || el.closest(notText)) continue;
      if (!el.checkVisibility({ checkVisibilityCSS: true })) continue;
      out.push({ text, where: where(el) });
    }
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')) {
      if (!input.placeholder.trim() || input.closest(data) || !input.checkVisibility({ checkVisibilityCSS: true })) continue;
      out.push({ text: input.placeholder, where: `${where(input)} placeholder` });
    }
    return out;
  });
}

function englishIn(shown: Shown[], strings: EnglishStrings, codeLabels: Map<string, string>): string[] {
  const found: string[] = [];
  for (const { text, where } of shown) {
    const whole = normalize(text);
    const candidates = [...new Set([whole, whole.replace(SEPARATORS, '')])].filter((c) => c.length > 3);
    for (const c of candidates) {
      const source = strings.exact.get(c) ?? codeLabels.get(c) ?? strings.patterns.find((p) => p.re.test(c))?.source;
      if (source) {
        found.push(`“${whole}” (${source}) at ${where}`);
        break;
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Checking a screen

interface Checker {
  strings: EnglishStrings;
  codeLabels: Map<string, string>;
}

/** Waits for what is loading, then: screenshot, axe, no English. */
async function checkScreen(page: Page, screen: string, check: Checker) {
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('main [role="status"]:has(.mantine-Loader-root)')).toHaveCount(0);
  await expect(page.getByText(ar.common.loading)).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${screen}.png`, fullPage: true, animations: 'disabled', caret: 'hide' });
  await expectAccessible(page, `${screen} in Arabic`);
  const english = englishIn(await shownTexts(page), check.strings, check.codeLabels);
  expect(english, `English interface text on the “${screen}” screen in Arabic:\n  ${english.join('\n  ')}\n`).toEqual([]);
}

/** Signs in from the sign-in page switched to Arabic (the choice is kept for the session). */
async function signInArabic(page: Page, username: string, check?: Checker) {
  await page.goto('/signin');
  await page.getByTestId('signin-language').selectOption('ar');
  await expect(page.getByRole('heading', { name: ar.signin.title })).toBeVisible();
  if (check) await checkScreen(page, 'signin', check);
  await page.getByLabel(field(ar.signin.username)).fill(username);
  await page.getByLabel(field(ar.signin.password)).fill(PASSWORD);
  await page.getByRole('button', { name: ar.signin.submit }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

// ---------------------------------------------------------------------------------------------
// Test data: Latin data in every place where it meets Arabic text

interface Created {
  id: string;
  version: number;
  reference: string;
}

// a small grey PNG (as in seizures.spec.ts)
const PHOTO_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAAAAABWESUoAAAANUlEQVR42mNg4BCQUNAwsHDwCIhIyCioaOiYMGPBig07Dpy4cOPBiw8/GEYVjCoYVTBSFQAAl2zwEJjgKNwAAAAASUVORK5CYII=';

async function makeData(adminApi: AdminApi, request: APIRequestContext) {
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`AR${tag}`, `Port Bidi ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const supervisor = await adminApi.createUser(uid('sup'), unit.id, ['supervisor']);
  const auditor = await adminApi.createUser(uid('aud'), unit.id, ['auditor']);
  const admin = await adminApi.createUser(uid('adm'), unit.id, ['admin']);
  const officerApi = await UserApi.login(request, officer.username);
  const supervisorApi = await UserApi.login(request, supervisor.username);

  const person = await officerApi.post<Created>('/api/v1/persons', {
    family_name: `Bidi${tag}`,
    given_names: 'Jean-Luc',
    date_of_birth: '1984-07',
    place_of_birth: 'St. Malo',
    nationalities: ['FR', 'MA'],
    phones: ['+33 6 12 34 56 78'],
    emails: [`jl.${tag.toLowerCase()}@example.org`],
  });

  // a case with quantities and units, a route, a linked person; submitted, then sent back
  const returned = await officerApi.post<Created>(
    '/api/v1/seizures',
    minimalCase(`Quai 4 ${tag}.`, {
      detection_methods: ['xray_nii'],
      goods: [
        { commodity_group: 'drugs', commodity_type: 'cocaine', quantity: 2.5, unit: 'kg', description: 'Bricks, 2.5 kg.', packaging: '3 boxes' },
        { commodity_group: 'tobacco', commodity_type: 'cigarettes', quantity: 1200, unit: 'sticks', value: 540, currency: 'EUR' },
      ],
      route: [
        { position: 1, country: 'CO', role: 'origin', place: 'Cartagena', departure_date: '2026-01-02' },
        { position: 2, country: 'FR', role: 'destination', unlocode: 'FRLEH', arrival_date: '2026-01-20' },
      ],
      concealment_method: 'in_luggage',
      concealment_description: 'Seizure in a suitcase with a false bottom.',
      narrative: `Seizure FR-${tag}: 2.5 kg found at 10:30.`,
      persons: [{ role: 'courier', person_id: person.id }],
    }),
  );
  const attachment = await request.post(`/api/v1/seizures/${returned.id}/attachments`, {
    headers: officerApi.headers(),
    multipart: { kind: 'photo', caption: 'Suitcase, 2.5 kg.', file: { name: 'suitcase.png', mimeType: 'image/png', buffer: Buffer.from(PHOTO_PNG, 'base64') } },
  });
  expect(attachment.status(), await attachment.text()).toBe(201);
  const submitted = await officerApi.post<Created>(`/api/v1/seizures/${returned.id}/submit`, { comment: 'Ready, 2 items.' }, 200, returned.version);
  await supervisorApi.post(`/api/v1/seizures/${returned.id}/return`, { reason: `Seal number missing (${tag}).` }, 200, submitted.version);

  // a case waiting for validation (the supervisor's queue)
  const waiting = await officerApi.post<Created>('/api/v1/seizures', minimalCase(`Gate B ${tag}`));
  await officerApi.post(`/api/v1/seizures/${waiting.id}/submit`, undefined, 200, waiting.version);

  // a thread about the case: a message notification for the officer
  const thread = await supervisorApi.post<{ id: string }>('/api/v1/threads', {
    subject: `Seal of ${returned.reference}`,
    participants: [{ user_id: officer.id }],
    body: 'Seal no. 48213 is in the photo; 2.5 kg, 3 boxes.',
    template: { kind: 'general', case_id: returned.id },
  });

  return { tag, unit, officer, supervisor, auditor, admin, person, returned, waiting, thread, officerApi };
}

async function checker(request: APIRequestContext, api: UserApi): Promise<Checker> {
  return { strings: interfaceStrings(), codeLabels: await codeListLabels(request, api) };
}

// ---------------------------------------------------------------------------------------------
// The screens

test('Arabic: the officer’s screens are in Arabic, accessible, and mixed text reads in order', async ({ page, adminApi, playwright, baseURL }) => {
  test.setTimeout(300_000);
  const request = await playwright.request.newContext({ baseURL });
  const d = await makeData(adminApi, request);
  const check = await checker(request, d.officerApi);

  await signInArabic(page, d.officer.username, check);

  await page.goto('/');
  await expect(page.getByTestId('home-drafts')).toContainText(d.returned.reference);
  await checkScreen(page, 'home-officer', check);

  await page.goto(`/seizures?unit_id=${d.unit.id}`);
  await expect(page.getByTestId('seizures-table').locator('tbody tr')).toHaveCount(2);
  await checkScreen(page, 'seizures', check);

  await page.goto(`/seizures/${d.returned.id}`);
  await expect(page.getByTestId('case-reference')).toHaveText(d.returned.reference);
  await expect(page.getByTestId('case-reopened')).toBeVisible();
  await expect(page.getByTestId('goods-row')).toHaveCount(2);
  await expect(page.getByTestId('linked-persons')).toContainText(new RegExp(`BIDI${d.tag}`, 'i'));
  await checkScreen(page, 'case-detail', check);

  await page.goto(`/seizures/${d.returned.id}?tab=attachments`);
  await expect(page.getByTestId('attachment-gallery').getByTestId('attachment')).toHaveCount(1);
  await checkScreen(page, 'case-attachments', check);

  await page.goto(`/seizures/${d.returned.id}?tab=history`);
  await expect(page.getByTestId('history-entry')).not.toHaveCount(0);
  await checkScreen(page, 'case-history', check);

  await page.goto('/seizures/new');
  await expect(page.getByTestId('case-form')).toBeVisible();
  await checkScreen(page, 'case-new', check);

  await page.goto('/registers');
  await expect(page.getByTestId('register-table')).toBeVisible();
  await checkScreen(page, 'registers', check);

  await page.goto('/screening');
  const screening = page.getByTestId('screening-form');
  await screening.getByRole('textbox', { name: /^الاسم الكامل/ }).fill(`BIDI${d.tag}`);
  await screening.locator('button[type="submit"]').click();
  await expect(page.getByTestId('screening-answer')).toBeVisible();
  const why = page.getByTestId('screening-candidate').first().getByRole('button');
  if (await why.count()) await why.first().click();
  await checkScreen(page, 'screening', check);

  await page.goto(`/registers/persons/${d.person.id}`);
  await expect(page.getByTestId('record-title')).toContainText(new RegExp(`BIDI${d.tag}`, 'i'));
  await expect(page.getByTestId('record-cases').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('record-history')).toBeVisible();
  await checkScreen(page, 'person', check);

  await page.goto('/messages');
  await expect(page.getByTestId('thread-row')).toHaveCount(1);
  await checkScreen(page, 'inbox', check);

  await page.goto(`/messages/${d.thread.id}`);
  await expect(page.getByTestId('message')).toHaveCount(1);
  await checkScreen(page, 'thread', check);

  await page.goto('/notifications');
  await expect(page.getByTestId('notifications-list').getByTestId('notification')).not.toHaveCount(0);
  await checkScreen(page, 'notifications', check);

  await page.getByTestId('notification-bell').click();
  await expect(page.getByTestId('notification-dropdown')).toBeVisible();
  await checkScreen(page, 'notification-bell', check);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('notification-dropdown')).toHaveCount(0);

  await page.goto('/account');
  await expect(page.getByTestId('profile')).toContainText(d.officer.username);
  await checkScreen(page, 'account', check);
  await request.dispose();
});

test('Arabic: the supervisor’s and the auditor’s screens', async ({ page, browser, adminApi, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const request = await playwright.request.newContext({ baseURL });
  const d = await makeData(adminApi, request);
  const check = await checker(request, d.officerApi);

  await signInArabic(page, d.supervisor.username);
  await page.goto('/');
  await expect(page.getByTestId('home-queue')).toContainText(d.waiting.reference);
  await checkScreen(page, 'home-supervisor', check);

  await page.goto(`/seizures/${d.waiting.id}`);
  await expect(page.getByTestId('case-reference')).toHaveText(d.waiting.reference);
  await checkScreen(page, 'case-to-validate', check);

  const audContext = await browser.newContext();
  const aud = await audContext.newPage();
  await signInArabic(aud, d.auditor.username);
  await aud.goto('/');
  await expect(aud.getByTestId('home-audit')).toBeVisible();
  await checkScreen(aud, 'home-auditor', check);

  await aud.goto(`/audit?object_id=${d.returned.id}`);
  const rows = aud.getByTestId('audit-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await checkScreen(aud, 'audit', check);
  // an event's details: the changes, before → after
  await aud.locator('tr[data-action="seizure.create"]').getByRole('button', { name: ar.audit.show }).click();
  await expect(aud.getByRole('button', { name: ar.audit.hide })).toBeVisible();
  await checkScreen(aud, 'audit-details', check);
  await audContext.close();
  await request.dispose();
});

test('Arabic: the administrator’s screens, code-list labels included', async ({ page, adminApi, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const request = await playwright.request.newContext({ baseURL });
  const d = await makeData(adminApi, request);
  const check = await checker(request, d.officerApi);

  await signInArabic(page, d.admin.username);

  await page.goto('/admin/users');
  await expect(page.getByTestId('users-table')).toBeVisible();
  await checkScreen(page, 'users', check);

  await page.goto(`/admin/users/${d.officer.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(d.officer.username);
  await checkScreen(page, 'user-detail', check);

  await page.goto(`/admin/units?unit=${d.unit.id}`);
  await expect(page.locator(`[data-unit-code="${d.unit.code}"]`)).toBeVisible();
  await checkScreen(page, 'units', check);

  await page.goto('/admin/codelists');
  await expect(page.getByTestId('codelists-table')).toBeVisible();
  await checkScreen(page, 'codelists', check);

  await page.goto('/admin/codelists/commodity_groups');
  await expect(page.getByTestId('entries-table').locator('tr[data-code="drugs"]')).toBeVisible();
  await checkScreen(page, 'codelist', check);
  await request.dispose();
});

test('the English check finds English text, and leaves data alone', async ({ page }) => {
  const strings = interfaceStrings();
  await page.setContent(`
    <main>
      <h1>مرحبًا</h1>
      <p>Cases your unit submitted, oldest first.</p>
      <p>\u2068Welcome, \u2068Ali\u2069\u2069</p>
      <p>Reason: <bdi>seal</bdi></p>
      <p translate="no">Administrator</p>
      <p style="display:none">Retry</p>
      <input placeholder="Search by name or username">
      <p>FR-2026-000123 · 2.5 kg</p>
    </main>`);
  const found = englishIn(await shownTexts(page), strings, new Map([['Cocaine', 'code list commodity_types: cocaine']]));
  expect(found.map((f) => f.replace(/ \(.*$/, ''))).toEqual([
    '“Cases your unit submitted, oldest first.”',
    '“Welcome, Ali”',
    '“Reason:”',
    '“Search by name or username”',
  ]);
});
