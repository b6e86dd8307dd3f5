import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page, Response } from '@playwright/test';
import { png } from './png';
import { ADMIN, PASSWORD, expect, expectAccessible, pastIso, signInAs, test, uid, UserApi } from './support';

/**
 * The offline user guide (docs/help → public/help, served at /help/):
 *
 * 1. takes its screenshots: the main screens, in English and in French, at 1280×800, into
 *    public/help/img/<screen>-<lang>.png (committed: each run refreshes them). They are also
 *    written into dist/help/img/ when the server serves this dist/, so that the second test
 *    finds them even on the first run.
 * 2. checks that /help/ leads to the guide in the browser's language, that every link of every
 *    page resolves to a page of the guide (not to the app's history fallback), and that every
 *    image loads, with no request leaving the server.
 *
 * The guide's pages reference exactly these screenshots: the second test checks it, and
 * `npm run build:help` checks that every language shows the same ones.
 */
const SHOTS = [
  'home',
  'case-list',
  'case-form',
  'case-form-errors',
  'case-attachments',
  'case-detail',
  'case-returned',
  'register-person',
  'inbox',
  'audit-log',
] as const;
type Shot = (typeof SHOTS)[number];
const LANGS = ['en', 'fr'] as const;
type Lang = (typeof LANGS)[number];
const VIEWPORT = { width: 1280, height: 800 };
const TITLES: Record<Lang, string> = { en: 'The nCEN user guide', fr: 'Guide de l’utilisateur nCEN' };

const PUBLIC_IMG = fileURLToPath(new URL('../public/help/img/', import.meta.url));
const DIST_HELP = fileURLToPath(new URL('../dist/help/', import.meta.url));

// In order, in one worker; the second test still runs when the first fails.
test.describe.configure({ mode: 'default' });
test.use({ viewport: VIEWPORT });

// ---------------------------------------------------------------------------------------------
// Test data

/** A "photo": container doors, a steel-blue gradient with darker vertical ribs. */
const PHOTO = png(480, 320, (x, y) => {
  const rib = x % 40 < 6 ? 30 : 0;
  return [60 + (y >> 3) - rib, 90 + (y >> 3) - rib, 130 + (x >> 4) - rib];
});
/** An "X-ray": a dark field, the container's outline and a dense block behind a panel. */
const XRAY = png(480, 320, (x, y) => {
  const wall = x < 12 || x > 467 || y < 12 || y > 307 ? 170 : 0;
  const block = x > 330 && x < 420 && y > 90 && y < 230 ? 235 : 0;
  const v = Math.max(25 + ((x * 7 + y * 3) % 23), wall, block);
  return [v, v, v];
});

/** An ISO 6346 container number with its check digit, for the owner code and serial given. */
function containerNumber(owner: string, serial: string): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  // letter values run from 10 and skip multiples of 11
  const values: Record<string, number> = {};
  let v = 10;
  for (const l of letters) {
    if (v % 11 === 0) v += 1;
    values[l] = v;
    v += 1;
  }
  const code = `${owner}U${serial}`;
  const sum = [...code].reduce((s, ch, i) => s + (values[ch] ?? Number(ch)) * 2 ** i, 0);
  return `${code}${(sum % 11) % 10}`;
}

interface Created {
  id: string;
  version: number;
  reference: string;
}

/** A date-time some days ahead, as the API takes it. */
function futureIso(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/**
 * The data the screenshots show: an office with its location (the case form's defaults), its
 * officer and two supervisors, another office, an auditor; a person with a document and a
 * correction; four cases (a draft with photos, a draft sent back for correction, a submitted
 * case, a validated case); a warning, a discussion and a seizure message.
 */
async function makeData(request: APIRequestContext) {
  const tag = uid('').toLowerCase();
  const code = tag.toUpperCase();
  const admin = await UserApi.login(request, ADMIN.username, ADMIN.password);
  const unitA = await admin.post<{ id: string }>('/api/v1/units', {
    code: `HLA${code}`,
    name: 'Le Havre – Port 2000',
    location_type: 'seaport',
    unlocode: 'FRLEH',
  });
  const unitB = await admin.post<{ id: string }>('/api/v1/units', {
    code: `HLB${code}`,
    name: 'Marseille – Fos',
    location_type: 'seaport',
    unlocode: 'FRFOS',
  });
  const user = async (username: string, display_name: string, unit_id: string, roles: string[]) => {
    const u = await admin.post<{ id: string; username: string }>('/api/v1/users', {
      username: `${username}.${tag}`,
      display_name,
      unit_id,
      roles,
      password: PASSWORD,
    });
    return { ...u, api: await UserApi.login(request, u.username) };
  };
  const officer = await user('cmartin', 'Claire Martin', unitA.id, ['officer']);
  const supervisor = await user('pdurand', 'Paul Durand', unitA.id, ['supervisor']);
  const validator = await user('sbernard', 'Sophie Bernard', unitA.id, ['supervisor']);
  const colleague = await user('khaddad', 'Karim Haddad', unitB.id, ['officer']);
  const auditor = await user('nlefevre', 'Nadia Lefèvre', unitB.id, ['auditor']);
  const api = officer.api;

  // a person, corrected once (the record's history), and a company
  const digits = String(Date.now()).slice(-7);
  const person = await api.post<Created>('/api/v1/persons', {
    family_name: 'Morales Vega',
    given_names: 'Andrés Felipe',
    date_of_birth: '1987-03-14',
    place_of_birth: 'Cali',
    gender: 'male',
    nationalities: ['CO'],
    documents: [{ document_type: 'passport', number: `AV${digits}`, issuing_country: 'CO', expires_on: '2031-06-30' }],
  });
  const corrected = await api.patch(`/api/v1/persons/${person.id}`, { phones: ['+57 300 555 0142'] }, person.version);
  expect(corrected.status(), await corrected.text()).toBe(200);
  const company = await api.post<Created>('/api/v1/companies', {
    name: 'Atlantic Fresh Produce BV',
    country: 'NL',
    activities: ['importer'],
  });

  const place = { place: 'Le Havre – Port 2000', location_type: 'seaport', unlocode: 'FRLEH', country: 'FR', direction: 'import' };
  // A: a draft with its photo and X-ray
  const caseA = await api.post<Created>('/api/v1/seizures', {
    kind: 'seizure',
    detected_at: pastIso(5),
    ...place,
    detection_methods: ['risk_profiling', 'xray_nii'],
    goods: [
      { commodity_group: 'drugs', commodity_type: 'cocaine', quantity: 48.6, unit: 'kg', description: 'Bricks wrapped in black plastic', packaging: '42 bricks' },
    ],
    route: [
      { position: 1, country: 'EC', role: 'origin', place: 'Guayaquil' },
      { position: 2, country: 'PA', role: 'transit' },
      { position: 3, country: 'FR', role: 'destination', unlocode: 'FRLEH' },
    ],
    concealment_method: 'container_structure',
    concealment_description: 'Behind the panel of the refrigeration unit',
    persons: [{ role: 'consignee', person_id: person.id }],
    companies: [{ role: 'importer', company_id: company.id }],
    conveyances: [
      {
        role: 'container',
        conveyance: { conveyance_type: 'container', identifier_kind: 'container', identifier: containerNumber('MSC', digits.slice(-6)) },
      },
    ],
    summary_non_nominal: 'Cocaine hidden behind the refrigeration unit of a reefer container of bananas from Ecuador.',
  });
  for (const [kind, caption, name, buffer] of [
    ['photo', 'Container doors, seal broken', 'doors.png', PHOTO],
    ['xray', 'Scanner image, refrigeration end', 'scan.png', XRAY],
  ] as const) {
    const res = await request.post(`/api/v1/seizures/${caseA.id}/attachments`, {
      headers: api.headers(),
      multipart: { kind, caption, file: { name, mimeType: 'image/png', buffer } },
    });
    expect(res.status(), await res.text()).toBe(201);
  }

  // R: submitted, then sent back for correction
  const caseR = await api.post<Created>('/api/v1/seizures', {
    kind: 'seizure',
    detected_at: pastIso(30),
    ...place,
    detection_methods: ['detector_dog'],
    goods: [{ commodity_group: 'drugs', commodity_type: 'cannabis_resin', quantity: 31.5, unit: 'kg' }],
    route: [
      { position: 1, country: 'MA', role: 'origin' },
      { position: 2, country: 'ES', role: 'transit' },
      { position: 3, country: 'FR', role: 'destination' },
    ],
    concealment_method: 'conveyance_structure',
    persons: [{ role: 'driver', person_id: person.id }],
  });
  const submittedR = await api.post<Created>(`/api/v1/seizures/${caseR.id}/submit`, undefined, 200, caseR.version);
  await supervisor.api.post(
    `/api/v1/seizures/${caseR.id}/return`,
    { reason: 'Add the reference of the driver’s statement to the narrative, then submit again.' },
    200,
    submittedR.version,
  );

  // B: submitted, waiting for validation
  const caseB = await api.post<Created>('/api/v1/seizures', {
    kind: 'seizure',
    detected_at: pastIso(50),
    ...place,
    detection_methods: ['document_check', 'physical_examination'],
    goods: [{ commodity_group: 'tobacco', commodity_type: 'cigarettes', quantity: 120000, unit: 'sticks', value: 54000, currency: 'EUR' }],
    route: [
      { position: 1, country: 'CN', role: 'origin' },
      { position: 2, country: 'AE', role: 'transit' },
      { position: 3, country: 'FR', role: 'destination' },
    ],
    concealment_method: 'mixed_with_cargo',
    summary_non_nominal: 'Cigarettes declared as plastic household goods, found behind the first row of cartons.',
  });
  await api.post(`/api/v1/seizures/${caseB.id}/submit`, { comment: 'Invoice and packing list are in the documents.' }, 200, caseB.version);

  // C: validated
  const caseC = await api.post<Created>('/api/v1/seizures', {
    kind: 'seizure',
    detected_at: pastIso(80),
    ...place,
    detection_methods: ['routine_control'],
    goods: [{ commodity_group: 'ipr', commodity_type: 'ipr_watches_jewellery', quantity: 350, unit: 'pcs' }],
    route: [
      { position: 1, country: 'CN', role: 'origin' },
      { position: 2, country: 'FR', role: 'destination' },
    ],
    concealment_method: 'misdeclared',
  });
  const submittedC = await api.post<Created>(`/api/v1/seizures/${caseC.id}/submit`, undefined, 200, caseC.version);
  await supervisor.api.post(`/api/v1/seizures/${caseC.id}/validate`, undefined, 200, submittedC.version);

  // the officer's inbox: a warning from another office, a discussion, a seizure message
  await colleague.api.post('/api/v1/threads', {
    subject: 'Reefer container from Guayaquil, bananas declared',
    participants: [{ unit_id: unitA.id }],
    urgent: true,
    body: 'Profiled by our targeting team. Please scan it on arrival and tell us the outcome.',
    template: {
      kind: 'warning',
      watch: { type: 'container', identifier: containerNumber('CMA', String(Number(digits.slice(-6)) + 1).padStart(6, '0')), description: '40-foot reefer, bananas declared, new consignee' },
      route: { origin: 'EC', transit: ['PA'], destination: 'FR', place: 'Le Havre' },
      expected_arrival: futureIso(2),
      risk_indicators: ['new consignee', 'route via Panama'],
      action_requested: 'Scan on arrival and report the outcome',
      feedback_due: futureIso(5),
    },
  });
  await supervisor.api.post('/api/v1/threads', {
    subject: `Driver’s statement for ${caseR.reference}`,
    participants: [{ user_id: officer.id }],
    body: 'The statement was filed with the police report; its reference is missing from the case.',
    template: { kind: 'general', case_id: caseR.id },
  });
  await api.post('/api/v1/threads', {
    subject: `Seizure ${caseC.reference}`,
    participants: [{ unit_id: unitB.id }],
    body: 'For your information: counterfeit watches, same route as last month.',
    template: { kind: 'seizure', case_id: caseC.id },
  });

  return { unitA, officer, validator, auditor, person, caseA, caseR, caseB };
}

// ---------------------------------------------------------------------------------------------
// Screenshots

/** Where the screenshots go: the committed public/, and the served dist/ when it has the guide. */
function imageDirs(): string[] {
  const dirs = [PUBLIC_IMG];
  if (existsSync(DIST_HELP)) dirs.push(`${DIST_HELP}img/`);
  for (const d of dirs) mkdirSync(d, { recursive: true });
  return dirs;
}

async function useLanguage(page: Page, lang: Lang) {
  await page.evaluate((l) => localStorage.setItem('ncen.lang', l), lang);
}

/** Opens `path` in the app, in `lang`, and waits for `ready`. */
async function open(page: Page, path: string, lang: Lang, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await ready(page);
}

/** The viewport, once nothing transient is left in it (notices, spinners, hover). */
async function shoot(page: Page, name: Shot, lang: Lang, dirs: string[]) {
  const notices = page.locator('.mantine-Notification-root');
  for (const close of await notices.getByRole('button').all()) await close.click().catch(() => undefined);
  await expect(notices).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('main [role="status"]:has(.mantine-Loader-root)')).toHaveCount(0);
  await page.mouse.move(1, VIEWPORT.height - 1);
  await page.evaluate(() => document.fonts.ready);
  const picture = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  for (const dir of dirs) writeFileSync(`${dir}${name}-${lang}.png`, picture);
}

test('the user guide’s screenshots: the main screens in English and French', async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(300_000);
  const request = await playwright.request.newContext({ baseURL });
  const d = await makeData(request);
  const dirs = imageDirs();
  const taken = new Set<string>();
  const take = async (p: Page, name: Shot, lang: Lang) => {
    await shoot(p, name, lang, dirs);
    taken.add(`${name}-${lang}`);
  };
  page.on('dialog', (dialog) => void dialog.accept());

  // ---- the officer
  await signInAs(page, d.officer.username, PASSWORD);
  for (const lang of LANGS) {
    await useLanguage(page, lang);

    await open(page, `/seizures?unit_id=${d.unitA.id}`, lang, async (p) => {
      await expect(p.getByTestId('seizures-table').locator('tbody tr')).toHaveCount(4);
    });
    await take(page, 'case-list', lang);

    await open(page, '/seizures/new', lang, async (p) => {
      await expect(p.getByTestId('case-form')).toBeVisible();
    });
    await take(page, 'case-form', lang);
    // nothing typed yet: recording it shows what is missing
    await page.getByTestId('case-form').locator('button[type="submit"]').click();
    await expect(page.getByTestId('form-invalid')).toBeVisible();
    await page.waitForFunction(() => !!document.activeElement?.closest('[data-testid="case-form"]'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await take(page, 'case-form-errors', lang);

    await open(page, `/seizures/${d.caseA.id}?tab=attachments`, lang, async (p) => {
      const gallery = p.getByTestId('attachment-gallery');
      await expect(gallery.getByTestId('attachment')).toHaveCount(2);
      await expect(gallery.locator('img')).toHaveCount(2);
      await expect(p.getByTestId('upload-panel')).toBeVisible();
      for (const img of await gallery.locator('img').all()) {
        await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
      }
    });
    await take(page, 'case-attachments', lang);

    await open(page, `/seizures/${d.caseR.id}`, lang, async (p) => {
      await expect(p.getByTestId('case-reopened')).toBeVisible();
    });
    await take(page, 'case-returned', lang);

    await open(page, `/registers/persons/${d.person.id}`, lang, async (p) => {
      await expect(p.getByTestId('record-title')).toBeVisible();
      await expect(p.getByTestId('record-cases').locator('tbody tr')).toHaveCount(2);
      await expect(p.getByTestId('record-history')).toBeVisible();
    });
    await take(page, 'register-person', lang);

    await open(page, '/messages', lang, async (p) => {
      await expect(p.getByTestId('thread-row')).toHaveCount(3);
    });
    await take(page, 'inbox', lang);
  }

  // ---- a supervisor of the unit who took no part in the cases: the queue, and a case to validate
  const supContext = await browser.newContext({ viewport: VIEWPORT });
  const sup = await supContext.newPage();
  await signInAs(sup, d.validator.username, PASSWORD);
  for (const lang of LANGS) {
    await useLanguage(sup, lang);
    await open(sup, '/', lang, async (p) => {
      await expect(p.getByTestId('home-queue')).toContainText(d.caseB.reference);
      await expect(p.getByTestId('home-drafts')).toContainText(d.caseR.reference);
    });
    await take(sup, 'home', lang);

    await open(sup, `/seizures/${d.caseB.id}`, lang, async (p) => {
      await expect(p.getByTestId('case-reference')).toHaveText(d.caseB.reference);
      await expect(p.getByTestId('four-eyes-note')).toHaveCount(0);
    });
    await take(sup, 'case-detail', lang);
  }
  await supContext.close();

  // ---- an auditor: everything that happened to the submitted case, reads included
  const audContext = await browser.newContext({ viewport: VIEWPORT });
  const aud = await audContext.newPage();
  await signInAs(aud, d.auditor.username, PASSWORD);
  for (const lang of LANGS) {
    await useLanguage(aud, lang);
    await open(aud, `/audit?object_id=${d.caseB.id}`, lang, async (p) => {
      await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(p.getByRole('table').first().locator('tbody tr').first()).toBeVisible();
    });
    await take(aud, 'audit-log', lang);
  }
  await audContext.close();
  await request.dispose();

  expect([...taken].sort()).toEqual(SHOTS.flatMap((s) => LANGS.map((l) => `${s}-${l}`)).sort());
});

// ---------------------------------------------------------------------------------------------
// The guide as served

test('the user guide is served at /help in English and French; its links resolve and its images load', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:8080').origin;
  // nothing the guide loads may come from elsewhere (closed networks)
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) outside.push(r.url());
  });

  // /help/ sends to the browser's language (en-GB here), and so do the folders without their slash
  await page.goto('/help/');
  await expect(page).toHaveURL(/\/help\/en\/$/);
  await expect(page.getByRole('heading', { level: 1, name: TITLES.en })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'user guide (English)');
  await page.goto('/help');
  await expect(page).toHaveURL(/\/help\/en\/$/);
  await page.goto('/help/fr');
  await expect(page).toHaveURL(/\/help\/fr\/$/);
  await expect(page.getByRole('heading', { level: 1, name: TITLES.fr })).toBeVisible();

  const french = await browser.newContext({ locale: 'fr-FR' });
  const frPage = await french.newPage();
  await frPage.goto('/help/');
  await expect(frPage).toHaveURL(/\/help\/fr\/$/);
  await expect(frPage.getByRole('heading', { level: 1, name: TITLES.fr })).toBeVisible();
  await expect(frPage.locator('html')).toHaveAttribute('lang', 'fr');
  await expectAccessible(frPage, 'user guide (French)');
  await french.close();

  // every page, reached by following the links from each language's first page
  const pages = new Set<string>();
  const queue = LANGS.map((l) => `${origin}/help/${l}/index.html`);
  const checked = new Map<string, string>(); // URL without its #fragment → its body
  const images = new Map<Lang, Set<string>>(LANGS.map((l) => [l, new Set<string>()]));

  const fetchChecked = async (url: string): Promise<string> => {
    const cached = checked.get(url);
    if (cached !== undefined) return cached;
    const res = await request.get(url);
    expect(res.status(), `${url} answers`).toBe(200);
    const body = await res.text();
    const path = new URL(url).pathname;
    if (path.startsWith('/help/') && (path.endsWith('/') || path.endsWith('.html'))) {
      // a guide page, not the app's history fallback (which answers 200 with the app)
      expect(body, `${url} is a page of the guide`).toContain('<meta name="ncen-help"');
    }
    checked.set(url, body);
    return body;
  };

  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (pages.has(url)) continue;
    pages.add(url);
    const lang = new URL(url).pathname.split('/')[2] as Lang;
    const responses: { url: string; status: number; type: string }[] = [];
    const onResponse = (r: Response) => responses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
    page.on('response', onResponse);
    await page.goto(url);
    page.off('response', onResponse);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('meta[name="ncen-help"]')).toHaveAttribute('content', new RegExp(`^${lang}/`));

    // its style sheet, script and images are the files themselves, not the app's fallback
    for (const r of responses.filter((x) => x.url !== url && x.url.startsWith(`${origin}/help/`))) {
      // 304: the browser revalidated a file it already had (the same file)
      expect([200, 304], `${r.url} (from ${url})`).toContain(r.status);
      if (r.status === 200) {
        expect(r.type, `${r.url} (from ${url}) is not the app's index.html`).not.toContain('text/html');
      }
    }

    // every image loaded
    const imgs = await page.locator('img').evaluateAll((all) =>
      (all as HTMLImageElement[]).map((i) => ({ src: i.currentSrc || i.src, ok: i.complete && i.naturalWidth > 0 })),
    );
    for (const img of imgs) {
      expect(img.ok, `${img.src} (from ${url}) loads`).toBe(true);
      images.get(lang)?.add(new URL(img.src).pathname.split('/').pop() ?? '');
    }

    // every link leads to a page of the guide (and its heading), or back to the app
    const links = await page.locator('a[href]').evaluateAll((all) => (all as HTMLAnchorElement[]).map((a) => a.href));
    for (const href of links) {
      const target = new URL(href);
      expect(target.origin, `${href} (from ${url}) stays on this server`).toBe(origin);
      target.hash = '';
      const body = await fetchChecked(target.href);
      const anchor = new URL(href).hash.slice(1);
      if (anchor) expect(body, `${href} (from ${url}): the heading #${anchor} exists`).toContain(`id="${anchor}"`);
      if (target.pathname.startsWith('/help/') && target.pathname.endsWith('.html')) queue.push(target.href);
    }
  }

  // ten pages in each language, and the screenshots the first test takes, each in its language
  for (const lang of LANGS) {
    expect([...pages].filter((p) => p.includes(`/help/${lang}/`)).length, `pages in ${lang}`).toBeGreaterThanOrEqual(10);
    expect([...(images.get(lang) ?? [])].sort(), `screenshots shown in ${lang}`).toEqual(SHOTS.map((s) => `${s}-${lang}.png`).sort());
  }
  expect(outside, 'requests that left the server').toEqual([]);
});
