import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, field, minimalCase, pastIso, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

interface LinkedCase {
  id: string;
  persons: { person: { id: string } }[];
  conveyances: { conveyance: { id: string } }[];
}

/** An ISO 6346 container number with its check digit (`wrong` gives a wrong one). */
function containerNumber(serial: string, wrong = false): string {
  const letterValue = (c: string) => {
    let v = 10;
    for (let code = 65; code <= 90; code++) {
      if (v % 11 === 0) v++;
      if (String.fromCharCode(code) === c) return v;
      v++;
    }
    return 0;
  };
  const body = `NCEU${serial}`;
  const sum = [...body].reduce((s, c, i) => s + (/\d/.test(c) ? Number(c) : letterValue(c)) * 2 ** i, 0);
  const check = (sum % 11) % 10;
  return `${body}${wrong ? (check + 1) % 10 : check}`;
}

test('an officer corrects a person created from a case: a new name and document, a stale version handled', async ({
  page,
  browser,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`RP${tag}`, `Register port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const investigator = await adminApi.createUser(uid('inv'), unit.id, ['investigator']);
  const analyst = await adminApi.createUser(uid('ana'), unit.id, ['analyst']);
  const family = `Lindqvist${tag}`;

  // a case with a person created inline
  const request = await playwright.request.newContext({ baseURL });
  const api = await UserApi.login(request, officer.username);
  const created = await api.post<LinkedCase>(
    '/api/v1/seizures',
    minimalCase(`Terminal ${tag}`, { persons: [{ role: 'courier', person: { family_name: family, given_names: 'Eva', nationalities: ['SE'] } }] }),
  );
  const personId = created.persons[0]?.person.id ?? '';
  expect(personId).not.toBe('');
  const personUrl = `/registers/persons/${personId}`;

  // ---- an analyst reads the register but may not correct it
  const anaContext = await browser.newContext();
  const anaPage = await anaContext.newPage();
  await signInAs(anaPage, analyst.username, PASSWORD);
  await anaPage.goto(personUrl);
  await expect(anaPage.getByTestId('record-title')).toHaveText(`${family.toUpperCase()} Eva`);
  await expect(anaPage.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await anaPage.goto(`${personUrl}/edit`);
  await expect(anaPage.getByTestId('forbidden-state')).toBeVisible();
  await anaContext.close();

  // ---- the officer opens the person from the case, then the edit page
  // (the app's fetch is wrapped to keep what each PATCH sends: the body of a Request is not
  // visible to the browser's network events)
  await page.addInitScript(() => {
    const w = window as unknown as { __patches: string[]; fetch: typeof fetch };
    w.__patches = [];
    const original = w.fetch.bind(window);
    w.fetch = async (input, init) => {
      if (input instanceof Request && input.method === 'PATCH') w.__patches.push(await input.clone().text());
      return original(input, init);
    };
  });
  await signInAs(page, officer.username, PASSWORD);
  await page.goto(`/seizures/${created.id}`);
  await page.getByTestId('linked-persons').getByRole('link').click();
  await expect(page.getByTestId('record-title')).toHaveText(`${family.toUpperCase()} Eva`);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: `Edit ${family.toUpperCase()} Eva`, level: 1 })).toBeVisible();
  const form = page.getByTestId('person-form');
  await expect(form.getByRole('button', { name: 'Save changes' })).toBeDisabled(); // nothing changed yet
  await expectAccessible(page, 'person edit form');

  const fillChanges = async (number: string) => {
    await form.getByLabel(field('Given names')).fill('Eva Maria');
    await form.getByRole('button', { name: 'Add document' }).click();
    const doc = form.getByTestId('document-fields').last();
    await pickOption(page, doc, 'Document type', 'Passport');
    await doc.getByLabel(field('Number')).fill(number);
    await pickOption(page, doc, 'Issued by', 'Sweden');
    await doc.getByLabel(field('Expires')).fill('2031-05-31');
  };

  // the client catches a blank document row; the server's error on the number lands at that field
  await form.getByRole('button', { name: 'Add document' }).click();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('form-invalid')).toHaveText('2 fields need attention.');
  await form.getByRole('button', { name: 'Remove document 1' }).click();
  await fillChanges('X'.repeat(70));
  await form.getByRole('button', { name: 'Save changes' }).click();
  const number = form.getByTestId('document-fields').first().getByLabel(field('Number'));
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('must be at most 64 characters long')).toBeVisible();
  await expectAccessible(page, 'person edit form with a server error at a document');
  await number.fill('SE 9876543');

  // ---- meanwhile an investigator corrects the same person in another browser
  const invContext = await browser.newContext();
  const invPage = await invContext.newPage();
  await signInAs(invPage, investigator.username, PASSWORD);
  await invPage.goto(`${personUrl}/edit`);
  await invPage.getByLabel(field('Place of birth')).fill('Malmö');
  await invPage.getByRole('button', { name: 'Save changes' }).click();
  await expect(invPage.getByText('Record saved.')).toBeVisible();
  await expect(invPage).toHaveURL(new RegExp(`${personUrl}$`));
  await expect(invPage.getByRole('region', { name: 'Details' }).getByText('Malmö')).toBeVisible();
  await invContext.close();

  // ---- the officer's save is refused as stale; reloading shows the other change
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changed by someone else')).toBeVisible();
  await expectAccessible(page, 'person edit form with a stale version');
  await page.getByRole('button', { name: 'Reload latest version' }).click();
  await expect(form.getByLabel(field('Place of birth'))).toHaveValue('Malmö');
  await expect(form.getByLabel(field('Given names'))).toHaveValue('Eva');
  await expect(page.getByText('Changed by someone else')).toHaveCount(0);

  // ---- made again, the change goes through, and only the changed fields are sent
  await fillChanges('SE 9876543');
  const patchRequest = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/api/v1/persons/${personId}`));
  await form.getByRole('button', { name: 'Save changes' }).click();
  expect((await patchRequest).headers()['if-match']).toBe('"2"');
  await expect(page.getByText('Record saved.')).toBeVisible();
  const sent = await page.evaluate(() => (window as unknown as { __patches: string[] }).__patches.map((b) => JSON.parse(b) as object));
  expect(Object.keys(sent.at(-1) ?? {}).sort()).toEqual(['documents', 'given_names']);
  expect(sent.at(-1)).toMatchObject({
    given_names: 'Eva Maria',
    documents: [{ document_type: 'passport', number: 'SE 9876543', issuing_country: 'SE', expires_on: '2031-05-31' }],
  });
  await expect(page).toHaveURL(new RegExp(`${personUrl}$`));
  await expect(page.getByTestId('record-title')).toHaveText(`${family.toUpperCase()} Eva Maria`);
  const documents = page.getByTestId('person-documents');
  await expect(documents).toContainText('Passport');
  await expect(documents).toContainText('SE 9876543');
  await expect(documents).toContainText('Sweden');
  await expect(documents).toContainText('2031-05-31');
  await expect(page.getByRole('region', { name: 'Details' }).getByText('Malmö')).toBeVisible();
  await expect(page.getByTestId('record-cases')).toContainText('Courier');
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 20_000 });
  // the record's history, newest first: the two corrections (old → new), then the creation
  const history = page.getByTestId('record-history');
  await expect(history.getByTestId('record-history-entry')).toHaveCount(3);
  await expect(history.getByTestId('record-history-entry').first()).toHaveAttribute('data-action', 'update');
  await expect(history.getByTestId('record-history-entry').last()).toHaveAttribute('data-action', 'create');
  await expect(history.locator('[data-testid="history-change"][data-field="place_of_birth"] [data-testid="history-new"]')).toHaveText('Malmö');
  await expectAccessible(page, 'corrected person page');

  // the case shows the corrected name, and both corrections in its history
  await page.getByTestId('record-cases').getByRole('link').click();
  await expect(page.getByTestId('linked-persons')).toContainText(`${family.toUpperCase()} Eva Maria`);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.locator('[data-testid="history-entry"][data-action="record_update"]')).toHaveCount(2);
  await expect(page.getByTestId('history-record').first()).toContainText(`${family.toUpperCase()} Eva Maria`);
  await request.dispose();
});

test('an officer corrects a conveyance: a wrong container check digit is shown at the identifier', async ({ page, adminApi, playwright, baseURL }) => {
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`RC${tag}`, `Conveyance port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const request = await playwright.request.newContext({ baseURL });
  const api = await UserApi.login(request, officer.username);
  const provisional = `TMP${tag}`.slice(0, 20);
  const created = await api.post<LinkedCase>(
    '/api/v1/seizures',
    minimalCase(`Yard ${tag}`, {
      conveyances: [{ role: 'container', conveyance: { conveyance_type: 'truck', identifier_kind: 'other', identifier: provisional } }],
    }),
  );
  await request.dispose();
  const conveyanceId = created.conveyances[0]?.conveyance.id ?? '';
  const serial = String(Date.now() % 1_000_000).padStart(6, '0');

  await signInAs(page, officer.username, PASSWORD);
  await page.goto(`/registers/conveyances/${conveyanceId}`);
  await expect(page.getByTestId('record-title')).toHaveText(provisional);
  await page.getByRole('link', { name: 'Edit' }).click();
  const form = page.getByTestId('conveyance-form');
  await pickOption(page, form, 'Identifier kind', 'Container (ISO 6346)', 'Container');
  await pickOption(page, form, 'Conveyance type', 'Container');
  const identifier = form.getByLabel(field('Identifier'));
  await identifier.fill(containerNumber(serial, true));
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(identifier).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('The check digit does not match.')).toBeVisible();
  await expectAccessible(page, 'conveyance edit form with a server error');

  await identifier.fill(containerNumber(serial));
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('record-title')).toHaveText(containerNumber(serial));
  await expect(page.getByRole('region', { name: 'Identifiers' }).getByText('Container (ISO 6346)')).toBeVisible();
});

test('the persons register is ordered by last case, filtered by date of birth and exported as CSV', async ({ page, adminApi, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`RX${tag}`, `Register export ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const family = `Varga${tag}`;
  const FAMILY = family.toUpperCase();

  // Anna in a case two days old, Zoltan in one of an hour ago, Bela in none
  const request = await playwright.request.newContext({ baseURL });
  const api = await UserApi.login(request, officer.username);
  const courier = (given_names: string, date_of_birth: string) => ({ role: 'courier', person: { family_name: family, given_names, date_of_birth } });
  await api.post('/api/v1/seizures', minimalCase(`Old quay ${tag}`, { detected_at: pastIso(48), persons: [courier('Anna', '1979-06-14')] }));
  await api.post('/api/v1/seizures', minimalCase(`New quay ${tag}`, { detected_at: pastIso(1), persons: [courier('Zoltan', '1985-01-30')] }));
  await api.post('/api/v1/persons', { family_name: family, given_names: 'Bela', date_of_birth: '1979-02' });
  await request.dispose();

  await signInAs(page, officer.username, PASSWORD);
  await page.goto(`/registers?register=persons&q=${family}&sort=name`);
  const results = page.getByTestId('register-table');
  // (a fuzzy name search: only this run's rows are looked at)
  const ours = results.locator('tbody tr', { hasText: FAMILY });
  await expect(results.getByRole('columnheader', { name: 'Last case' })).toBeVisible();
  await expect(ours).toHaveText([/Anna/, /Bela/, /Zoltan/]);
  await expect(page.getByRole('radio', { name: 'By name' })).toBeChecked();

  // ---- latest case first, a record in no case last; the order is kept in the address
  await page.locator('label', { hasText: 'Latest case first' }).click();
  await expect(page.getByRole('radio', { name: 'Latest case first' })).toBeChecked();
  await expect(page).toHaveURL(/sort=last_case/);
  await expect(ours).toHaveText([/Zoltan/, /Anna/, /Bela/]);
  await expect(ours.filter({ hasText: 'Bela' }).getByTestId('last-case')).toHaveText('—');
  await expect(ours.filter({ hasText: 'Zoltan' }).getByTestId('last-case')).not.toHaveText('—');
  await expectAccessible(page, 'persons register ordered by last case');

  // ---- by date of birth: a year and month, a wrong date (said, and not applied), a year
  const filters = page.getByTestId('register-filters');
  const born = filters.getByLabel(field('Date of birth'));
  await born.fill('1979-06');
  await expect(page).toHaveURL(/born=1979-06/);
  await expect(ours).toHaveText([/Anna/]);
  await born.fill('1979-13');
  await expect(filters.getByText('Use YYYY, YYYY-MM or YYYY-MM-DD.')).toBeVisible();
  await expect(page).not.toHaveURL(/born=/);
  await expect(ours).toHaveCount(3);
  await expectAccessible(page, 'persons register with a wrong date of birth');
  await born.fill('1979');
  await expect(page).toHaveURL(/born=1979(&|$)/);
  await expect(ours).toHaveText([/Anna/, /Bela/]);

  // ---- the list as CSV: the same filters and order, a header row, then the persons
  const exporting = page.getByTestId('registers-export');
  await expect(page.getByText('The export is recorded in the audit trail.', { exact: false })).toBeVisible();
  const download = page.waitForEvent('download');
  await exporting.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const lines = (await readFile(await file.path(), 'utf8')).replace(/^\ufeff/, '').split(/\r?\n/);
  expect(lines[0]?.startsWith('family_name,')).toBe(true);
  const rows = lines.filter((l) => l.toUpperCase().includes(FAMILY));
  expect(rows).toHaveLength(2);
  expect(rows[0]).toContain('Anna');
  expect(rows[1]).toContain('Bela');
  await expect(page.getByTestId('registers-export-error')).toHaveCount(0);
});
