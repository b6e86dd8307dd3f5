import { readFile } from 'node:fs/promises';
import { field, expect, expectAccessible, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

// Small PNGs made for the test: a grey gradient (photo) and a bright square on dark (X-ray).
const PHOTO_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAAAAABWESUoAAAANUlEQVR42mNg4BCQUNAwsHDwCIhIyCioaOiYMGPBig07Dpy4cOPBiw8/GEYVjCoYVTBSFQAAl2zwEJjgKNwAAAAASUVORK5CYII=';
const XRAY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAAAAABWESUoAAAAHElEQVR42mOQIwAYRhWgKfiPCkYVDG8FIzvZAwBl/T3RnyK/qwAAAABJRU5ErkJggg==';

/** `datetime-local` value for a moment in the past (the browser runs in UTC). */
function pastLocal(hoursAgo: number): string {
  return new Date(Date.now() - hoursAgo * 3600_000).toISOString().slice(0, 16);
}

test('an officer records a case, another unit sees it only once submitted and cannot edit it, a supervisor validates it, an analyst finds it', async ({
  page,
  browser,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const tag = uid('').toUpperCase();
  const unitA = await adminApi.createUnit(`SA${tag}`, `Seizure port ${tag}`);
  const unitB = await adminApi.createUnit(`SB${tag}`, `Other port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unitA.id, ['officer']);
  const supervisor = await adminApi.createUser(uid('sup'), unitA.id, ['supervisor']);
  const analyst = await adminApi.createUser(uid('ana'), unitB.id, ['analyst']);
  const outsider = await adminApi.createUser(uid('out'), unitB.id, ['officer']);

  // an existing company, created through the API, that the officer will link
  const request = await playwright.request.newContext({ baseURL });
  const officerApi = await UserApi.login(request, officer.username);
  const companyName = `Acme Freight ${tag}`;
  await officerApi.post('/api/v1/companies', { name: companyName, country: 'NL' });
  const familyName = `Courier${tag}`;
  const place = `Quay ${tag}`;

  // ---- the officer records the case
  await signInAs(page, officer.username, PASSWORD);
  await page.getByRole('link', { name: 'Seizures' }).click();
  await expect(page.getByRole('heading', { name: 'Seizures', level: 1 })).toBeVisible();
  await expectAccessible(page, 'seizure list');
  await page.getByRole('link', { name: 'New case' }).click();
  await expect(page.getByRole('heading', { name: 'Record a case', level: 1 })).toBeVisible();

  // client-side validation before anything is sent
  await page.getByRole('button', { name: 'Record case' }).click();
  await expect(page.getByTestId('form-invalid')).toBeVisible();
  await expectAccessible(page, 'case form with errors');

  await page.getByLabel(field('Detected at')).fill(pastLocal(20));
  await page.getByLabel(field('Place or customs office')).fill(place);
  await pickOption(page, page, 'Location type', 'Seaport');
  await pickOption(page, page, 'Direction', 'Import');
  await pickOption(page, page, 'Detection methods', 'X-ray / non-intrusive inspection', 'X-ray');

  // two goods items
  const item1 = page.getByTestId('goods-item').nth(0);
  await pickOption(page, item1, 'Commodity group', 'Drugs');
  await pickOption(page, item1, 'Commodity type', 'Cocaine');
  await item1.getByLabel(field('Quantity')).fill('12.5');
  await pickOption(page, item1, 'Unit of measure', 'Kilogram (kg)', 'Kilogram');
  await item1.getByLabel(field('HS code')).fill('12'); // wrong on purpose
  await page.getByRole('button', { name: 'Add goods item' }).click();
  const item2 = page.getByTestId('goods-item').nth(1);
  await pickOption(page, item2, 'Commodity group', 'Tobacco and cigarettes', 'Tobacco');
  await pickOption(page, item2, 'Commodity type', 'Cigarettes');
  await item2.getByLabel(field('Quantity')).fill('2000');
  await pickOption(page, item2, 'Unit of measure', 'Kilogram (kg)', 'Kilogram');

  // the route: Colombia → Netherlands → France
  for (const [country, role] of [
    ['Colombia', 'Origin'],
    ['Netherlands', 'Transit'],
    ['France', 'Destination'],
  ] as const) {
    await page.getByRole('button', { name: 'Add leg' }).click();
    const leg = page.getByTestId('route-leg-fields').last();
    await pickOption(page, leg, 'Country', country);
    await pickOption(page, leg, 'Role in the route', role);
  }

  await pickOption(page, page, 'Concealment method', 'In the container structure', 'container');
  await page.getByLabel(field('How the goods were hidden')).fill('Behind the refrigeration unit panel');

  // a new person, created inline
  await page.getByRole('button', { name: 'Add person' }).click();
  await pickOption(page, page, 'Role', 'Courier', 'Cour');
  const personSearch = page.getByLabel(field('Find or create a person')).first();
  await personSearch.click();
  await personSearch.fill(familyName);
  await page.getByRole('option', { name: `Create new person “${familyName}”` }).click();
  await expect(page.getByLabel(field('Family name'))).toHaveValue(familyName);
  await page.getByLabel(field('Given names')).fill('Ana');
  await page.getByLabel(field('Date of birth')).fill('1990-04');

  // the existing company, found as the officer types
  await page.getByRole('button', { name: 'Add company' }).click();
  const companyCard = page.locator('fieldset').filter({ hasText: 'Company 1' });
  await pickOption(page, companyCard, 'Role', 'Importer');
  await pickOption(page, companyCard, 'Find or create a company', `${companyName} (NL)`, `Acme Freight ${tag}`);
  await expect(companyCard.getByTestId('linked-record')).toContainText(companyName);

  // the client accepts the HS code "12"? no: it shows the field error before sending
  await page.getByRole('button', { name: 'Record case' }).click();
  await expect(item1.getByText('An HS code is 6 to 10 digits.')).toBeVisible();
  await item1.getByLabel(field('HS code')).fill('0901 21');
  await expectAccessible(page, 'filled case form');
  await page.getByRole('button', { name: 'Record case' }).click();

  // the detail page, on the attachments tab
  const reference = page.getByTestId('case-reference');
  await expect(reference).toHaveText(/^[A-Z]{2}-\d{4}-\d+$/);
  const ref = (await reference.textContent()) ?? '';
  const caseUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('case-status')).toHaveText('Draft');

  // a photo and an X-ray, with progress
  const upload = async (kind: 'Photo' | 'X-ray', name: string, base64: string, caption: string) => {
    const panel = page.getByTestId('upload-panel');
    await panel.getByText(kind, { exact: true }).click();
    await panel.locator('input[type="file"]').setInputFiles({ name, mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') });
    await panel.getByLabel(field('Caption')).fill(caption);
    await panel.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByText(`${name} uploaded.`)).toBeVisible();
  };
  await upload('Photo', 'container.png', PHOTO_PNG, 'Container doors');
  await upload('X-ray', 'scan.png', XRAY_PNG, 'Scanner image');
  const gallery = page.getByTestId('attachment-gallery');
  await expect(gallery.getByTestId('attachment')).toHaveCount(2);
  await expect(gallery.locator('[data-kind="xray"] img')).toBeVisible();
  await expectAccessible(page, 'attachments tab');

  // the X-ray viewer zooms
  await gallery.getByRole('button', { name: 'Open Scanner image' }).click();
  const viewer = page.getByRole('dialog', { name: 'Scanner image' });
  await expect(viewer.getByTestId('image-viewer').locator('img')).toBeVisible();
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(viewer.getByTestId('viewer-zoom')).toHaveText('150 %');
  await expectAccessible(page, 'X-ray viewer');
  await page.keyboard.press('Escape');

  // the case tab: goods with mass, the route in order, the links
  await page.getByRole('tab', { name: 'Case' }).click();
  await expect(page.getByTestId('goods-row')).toHaveCount(2);
  await expect(page.getByTestId('goods-mass').first()).toHaveText('12.5 kg');
  await expect(page.getByTestId('route-leg')).toHaveText([/Colombia/, /Netherlands/, /France/]);
  await expect(page.getByTestId('linked-persons')).toContainText(familyName.toUpperCase());
  await expect(page.getByTestId('linked-persons')).toContainText('Courier');
  await expect(page.getByTestId('linked-companies')).toContainText(companyName);
  // let the upload notices fade out first (axe would judge them mid-transition)
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 20_000 });
  await expectAccessible(page, 'case detail');

  // the new person's page lists the case with the role
  await page.getByTestId('linked-persons').getByRole('link').click();
  await expect(page.getByTestId('record-title')).toContainText(familyName.toUpperCase());
  await expect(page.getByTestId('record-cases')).toContainText(ref);
  await expect(page.getByTestId('record-cases')).toContainText('Courier');
  await expectAccessible(page, 'person page');
  await page.goto(caseUrl);

  // ---- while it is a draft, another unit does not even know it exists
  const outsiderContext = await browser.newContext();
  const outsiderPage = await outsiderContext.newPage();
  await signInAs(outsiderPage, outsider.username, PASSWORD);
  await outsiderPage.goto(caseUrl);
  await expect(outsiderPage.getByTestId('not-found-state')).toBeVisible();

  // ---- the officer submits (confirmed in a dialog, with an optional comment)
  await page.getByRole('button', { name: 'Submit for validation' }).click();
  const submitDialog = page.getByRole('dialog', { name: `Submit ${ref} for validation?` });
  await submitDialog.getByRole('button', { name: 'Submit for validation' }).click();
  await expect(submitDialog).toHaveCount(0);
  await expect(page.getByTestId('case-status')).toHaveText('Submitted');
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);

  // ---- once submitted, an officer of another unit can read it but not edit it
  await outsiderPage.goto(caseUrl);
  await expect(outsiderPage.getByTestId('case-reference')).toHaveText(ref);
  await expect(outsiderPage.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(outsiderPage.getByRole('button', { name: 'Submit for validation' })).toHaveCount(0);
  await outsiderPage.getByRole('tab', { name: /Pictures and documents/ }).click();
  await expect(outsiderPage.getByTestId('upload-panel')).toHaveCount(0);
  await outsiderPage.goto(`${caseUrl}/edit`);
  await expect(outsiderPage.getByTestId('forbidden-state')).toBeVisible();
  await expectAccessible(outsiderPage, 'edit page of another unit');
  // and the API refuses it too
  const outsiderApi = await UserApi.login(request, outsider.username);
  const current = await outsiderApi.get<{ version: number }>(`/api/v1${caseUrl}`);
  const refused = await outsiderApi.patch(`/api/v1${caseUrl}`, { place: 'elsewhere' }, current.version);
  expect(refused.status()).toBe(403);
  await outsiderContext.close();

  // ---- the supervisor validates
  const supContext = await browser.newContext();
  const supPage = await supContext.newPage();
  await signInAs(supPage, supervisor.username, PASSWORD);
  await supPage.goto(caseUrl);
  await expect(supPage.getByTestId('case-status')).toHaveText('Submitted');
  await expectAccessible(supPage, 'case detail for the supervisor');
  await supPage.getByRole('button', { name: 'Validate' }).click();
  const validateDialog = supPage.getByRole('dialog', { name: `Validate ${ref}?` });
  await validateDialog.getByLabel(field('Comment (optional)')).fill('Checked against the X-ray');
  await validateDialog.getByRole('button', { name: 'Validate' }).click();
  await expect(validateDialog).toHaveCount(0);
  await expect(supPage.getByTestId('case-status')).toHaveText('Validated');
  await expect(supPage.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await supPage.getByRole('tab', { name: 'History' }).click();
  await expect(supPage.getByTestId('history-entry').first()).toContainText('Validated');
  await expect(supPage.getByTestId('history-entry').first()).toContainText(supervisor.username);
  await expect(supPage.getByTestId('history-entry').first()).toContainText('Comment: Checked against the X-ray');
  await expectAccessible(supPage, 'case history');
  await supContext.close();

  // ---- an analyst finds it by filters, and the search is in the URL
  const anaContext = await browser.newContext();
  const anaPage = await anaContext.newPage();
  await signInAs(anaPage, analyst.username, PASSWORD);
  await anaPage.getByRole('link', { name: 'Seizures' }).click();
  const filters = anaPage.getByTestId('seizure-filters');
  await pickOption(anaPage, filters, 'Commodity group', 'Drugs');
  await pickOption(anaPage, filters, 'Country on the route', 'Colombia');
  await pickOption(anaPage, filters, 'Status', 'Validated');
  await filters.getByLabel(field('Free text')).fill(tag);
  await filters.getByRole('button', { name: 'Search' }).click();
  await expect(anaPage).toHaveURL(/commodity_group=drugs/);
  await expect(anaPage).toHaveURL(/route_country=CO/);
  const table = anaPage.getByTestId('seizures-table');
  await expect(table.getByRole('link', { name: ref })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  // the total, next to the rows shown
  await expect(anaPage.getByTestId('seizures-total')).toHaveText('1 case matches');
  await expect(anaPage.getByTestId('seizures-count')).toContainText('1 row shown');
  // the default columns: each goods item's type and quantity with its unit, the route in order
  const row = table.locator(`tr[data-reference="${ref}"]`);
  await expect(row.getByTestId('cell-commodity-types')).toHaveText(/Cocaine\s*Cigarettes/);
  await expect(row.getByTestId('cell-quantity')).toHaveText(/12\.5\s+kg\s*2,000\s+kg/);
  await expect(row.getByTestId('cell-route').getByRole('listitem')).toHaveText(['Colombia', 'Netherlands', 'France']);
  await expect(row.getByTestId('case-status')).toHaveText('Validated');
  await expectAccessible(anaPage, 'filtered seizure list');

  // a column chosen in the picker shows, and is still there after a reload
  await expect(table.getByRole('columnheader', { name: 'Detection methods' })).toHaveCount(0);
  await anaPage.getByRole('button', { name: 'Columns' }).click();
  const picker = anaPage.getByRole('dialog', { name: 'Columns' });
  await expect(picker).toBeVisible();
  await expectAccessible(anaPage, 'seizure list with the column picker open');
  await picker.getByRole('checkbox', { name: 'Detection methods' }).check();
  await expect(table.getByRole('columnheader', { name: 'Detection methods' })).toBeVisible();
  await expect(row).toContainText('X-ray / non-intrusive inspection');
  await anaPage.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expectAccessible(anaPage, 'seizure list with the column picker closed');
  await anaPage.reload();
  await expect(anaPage.getByTestId('seizures-table').getByRole('columnheader', { name: 'Detection methods' })).toBeVisible();

  // the filtered list as CSV: a file with the header row and the one case
  const download = anaPage.waitForEvent('download');
  await anaPage.getByTestId('seizures-export').getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^seizures-.*\.csv$/);
  const lines = (await readFile(await file.path(), 'utf8')).replace(/^\ufeff/, '').split(/\r?\n/);
  expect(lines[0]?.split(',')).toEqual(expect.arrayContaining(['reference', 'status', 'commodity_types', 'quantities', 'route']));
  expect(lines[0]?.startsWith('reference,')).toBe(true);
  expect(lines.filter((l) => l.trim() !== '')).toHaveLength(2);
  expect(lines[1]?.startsWith(`${ref},`)).toBe(true);
  await expect(anaPage.getByTestId('seizures-export-error')).toHaveCount(0);

  // the same URL in a fresh page shows the same result (shareable)
  const shared = anaPage.url();
  await anaPage.goto(shared);
  await expect(anaPage.getByTestId('seizures-table').getByRole('link', { name: ref })).toBeVisible();
  await expect(anaPage.getByTestId('seizure-filters').getByLabel(field('Free text'))).toHaveValue(tag);

  // a filter that excludes it
  await pickOption(anaPage, anaPage.getByTestId('seizure-filters'), 'Country on the route', 'Belgium');
  await anaPage.getByTestId('seizure-filters').getByRole('button', { name: 'Search' }).click();
  await expect(anaPage.getByTestId('empty-state')).toContainText('No case matches these filters.');
  await anaContext.close();
  await request.dispose();
});

test('server field errors are shown at indexed fields, and a stale version asks to reload', async ({ page, adminApi, playwright, baseURL }) => {
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`SE${tag}`, `Errors port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const request = await playwright.request.newContext({ baseURL });
  const api = await UserApi.login(request, officer.username);
  const created = await api.post<{ id: string; version: number }>('/api/v1/seizures', {
    kind: 'seizure',
    detected_at: new Date(Date.now() - 3600_000).toISOString(),
    place: `Depot ${tag}`,
    goods: [{ commodity_group: 'drugs', quantity: 1, unit: 'kg' }],
    route: [{ position: 1, country: 'CO', role: 'origin' }],
  });

  await signInAs(page, officer.username, PASSWORD);
  await page.goto(`/seizures/${created.id}/edit`);
  await expect(page.getByRole('heading', { name: /^Edit / })).toBeVisible();

  // a conveyance with a wrong check digit only the server can judge: its error lands at the field
  await page.getByRole('button', { name: 'Add conveyance' }).click();
  const card = page.locator('fieldset').filter({ hasText: 'Conveyance 1' });
  await pickOption(page, card, 'Role', 'Container');
  const search = card.getByLabel(field('Find or create a conveyance')).first();
  await search.click();
  await search.fill('MSCU1234560');
  await page.getByRole('option', { name: 'Create new conveyance “MSCU1234560”' }).click();
  await pickOption(page, card, 'Conveyance type', 'Container');
  await pickOption(page, card, 'Identifier kind', 'Container (ISO 6346)', 'Container');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const identifier = card.getByLabel(field('Identifier'));
  await expect(identifier).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'edit form with server errors');

  // someone else changes the case meanwhile: 412 → reload latest version
  await card.getByRole('button', { name: 'Remove conveyance 1' }).click();
  const res = await api.patch(`/api/v1/seizures/${created.id}`, { place: `Depot ${tag} B` }, created.version);
  expect(res.status()).toBe(200);
  await page.getByLabel(field('Place or customs office')).fill(`Depot ${tag} C`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changed by someone else')).toBeVisible();
  await page.getByRole('button', { name: 'Reload latest version' }).click();
  await expect(page.getByLabel(field('Place or customs office'))).toHaveValue(`Depot ${tag} B`);
  await request.dispose();
});
