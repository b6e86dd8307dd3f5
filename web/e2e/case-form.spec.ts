import type { Page } from '@playwright/test';
import { expect, expectAccessible, field, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

/** How many case-form drafts this browser keeps (localStorage). */
function draftCount(page: Page): Promise<number> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ncen.draft.case.')).length);
}

test('a new case starts at the officer’s office; leaving it dirty asks first, and its draft survives a reload', async ({
  page,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`CF${tag}`, `Form port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const request = await playwright.request.newContext({ baseURL });
  const me = await (await UserApi.login(request, officer.username)).get<{ currency: string | null }>('/api/v1/me');

  await signInAs(page, officer.username, PASSWORD);
  // from the home page
  await page.getByRole('link', { name: 'Record a case' }).click();
  await expect(page.getByRole('heading', { name: 'Record a case', level: 1 })).toBeVisible();

  // ---- defaults: now, the officer's office, the national currency; all editable
  await expect(page.getByLabel(field('Detected at'))).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
  const place = page.getByLabel(field('Place or customs office'));
  await expect(place).toHaveValue(`Form port ${tag}`);
  const currency = page.getByTestId('goods-item').first().getByLabel(field('Currency'));
  if (me.currency) await expect(currency).not.toHaveValue('');
  else await expect(currency).toHaveValue('');
  // the old "led by" checkboxes are gone: detection methods are one control
  for (const name of ['Risk profiling / targeting', 'Intelligence', 'Watch-list hit']) {
    await expect(page.getByRole('checkbox', { name })).toHaveCount(0);
  }
  await expect(page.getByLabel(field('Detection methods')).first()).toBeVisible();
  // nothing changed yet: leaving does not ask
  await page.getByRole('main').getByRole('link', { name: 'Seizures' }).click();
  await expect(page.getByRole('heading', { name: 'Seizures', level: 1 })).toBeVisible();
  expect(await draftCount(page)).toBe(0);

  // ---- a change, then leaving: asked, and "Stay" keeps the work
  await page.goto('/seizures/new');
  await place.fill(`Quay ${tag}`);
  await page.getByRole('textbox', { name: field('Narrative') }).fill(`Found behind panel ${tag}`);
  await page.getByRole('main').getByRole('link', { name: 'Seizures' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await expectAccessible(page, 'leave without saving dialog');
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(leave).toHaveCount(0);
  await expect(page).toHaveURL(/\/seizures\/new$/);
  await expect(place).toHaveValue(`Quay ${tag}`);

  // ---- the draft is kept in the browser; a reload (the browser asks first) offers it back
  await expect.poll(() => draftCount(page)).toBe(1);
  page.on('dialog', (dialog) => {
    if (dialog.type() === 'beforeunload') void dialog.accept();
  });
  await page.reload();
  const offer = page.getByTestId('draft-offer');
  await expect(offer).toContainText('Restore unsaved changes from');
  await expect(place).toHaveValue(`Form port ${tag}`);
  await expectAccessible(page, 'case form offering a draft');
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(offer).toHaveCount(0);
  await expect(place).toHaveValue(`Quay ${tag}`);
  await expect(page.getByRole('textbox', { name: field('Narrative') })).toHaveValue(`Found behind panel ${tag}`);

  // ---- a crash (the tab closed without any question) keeps it too
  const context = page.context();
  await page.close();
  const again = await context.newPage();
  await again.goto('/seizures/new');
  await expect(again.getByTestId('draft-offer')).toBeVisible();
  // "Discard" throws it away
  await again.getByTestId('draft-offer').getByRole('button', { name: 'Discard' }).click();
  await expect(again.getByLabel(field('Place or customs office'))).toHaveValue(`Form port ${tag}`);
  await expect.poll(() => draftCount(again)).toBe(0);

  // ---- "Leave" goes, and forgets the changes
  await again.getByLabel(field('Place or customs office')).fill(`Quay ${tag} B`);
  await again.getByRole('button', { name: 'Cancel' }).click();
  await again.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave' }).click();
  await expect(again.getByRole('heading', { name: 'Seizures', level: 1 })).toBeVisible();
  expect(await draftCount(again)).toBe(0);

  // ---- saving clears the draft and leaves without asking
  await again.goto('/seizures/new');
  await expect(again.getByTestId('draft-offer')).toHaveCount(0);
  const item = again.getByTestId('goods-item').first();
  await pickOption(again, item, 'Commodity group', 'Drugs');
  await item.getByLabel(field('Quantity')).fill('3');
  await pickOption(again, item, 'Unit of measure', 'Kilogram (kg)', 'Kilogram');
  await expect.poll(() => draftCount(again)).toBe(1);
  await again.getByRole('button', { name: 'Record case' }).click();
  await expect(again.getByTestId('case-reference')).toBeVisible();
  await expect(again.getByTestId('case-status')).toHaveText('Draft');
  expect(await draftCount(again)).toBe(0);
  await request.dispose();
});

test('after a failed submit the page moves to the first field that needs attention, and the summary links every field', async ({
  page,
  adminApi,
}) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`JE${tag}`, `Jump port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  await signInAs(page, officer.username, PASSWORD);
  await page.goto('/seizures/new');
  await expect(page.getByRole('heading', { name: 'Record a case', level: 1 })).toBeVisible();

  // a route leg left empty, far down the page
  await page.getByRole('button', { name: 'Add leg' }).click();
  await page.getByRole('button', { name: 'Record case' }).click();

  // the summary, at the top, lists every field in page order, each a link
  const summary = page.getByTestId('form-error-summary');
  await expect(summary.getByRole('link')).toHaveText([
    'Goods item 1 · Commodity group',
    'Goods item 1 · Quantity',
    'Goods item 1 · Unit of measure',
    'Leg 1 · Country',
    'Leg 1 · Role in the route',
  ]);
  await expect(summary).toContainText('Goods item 1 · Quantity: Required');
  // the page moved to the first of them
  const item = page.getByTestId('goods-item').first();
  const group = item.getByLabel(field('Commodity group'));
  await expect(group).toBeFocused();
  await expect(group).toBeInViewport();
  await expectAccessible(page, 'case form with an error summary');

  // a link of the summary moves to its field
  await summary.getByRole('link', { name: 'Leg 1 · Country' }).click();
  const leg = page.getByTestId('route-leg-fields').first();
  await expect(leg.getByLabel(field('Country'))).toBeFocused();
  await expect(leg.getByLabel(field('Country'))).toBeInViewport();
  // fixing a field takes it off the list
  await pickOption(page, leg, 'Country', 'Colombia');
  await expect(summary.getByRole('link', { name: 'Leg 1 · Country' })).toHaveCount(0);

  await pickOption(page, item, 'Commodity group', 'Drugs');
  await item.getByLabel(field('Quantity')).fill('2');
  await pickOption(page, item, 'Unit of measure', 'Kilogram (kg)', 'Kilogram');
  await pickOption(page, leg, 'Role in the route', 'Origin');

  // an error only the server finds (a container number's check digit) is reached the same way
  await page.getByRole('button', { name: 'Add conveyance' }).click();
  const card = page.locator('fieldset').filter({ hasText: 'Conveyance 1' });
  await pickOption(page, card, 'Role', 'Container');
  const search = card.getByLabel(field('Find or create a conveyance')).first();
  await search.click();
  await search.fill('MSCU1234560');
  await page.getByRole('option', { name: 'Create new conveyance “MSCU1234560”' }).click();
  await pickOption(page, card, 'Conveyance type', 'Container');
  await pickOption(page, card, 'Identifier kind', 'Container (ISO 6346)', 'Container');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Record case' }).click();
  const identifier = card.getByLabel(field('Identifier'));
  await expect(identifier).toHaveAttribute('aria-invalid', 'true');
  await expect(identifier).toBeFocused();
  await expect(identifier).toBeInViewport();
  await expect(summary.getByRole('link', { name: 'Conveyance 1 · Identifier' })).toBeVisible();
});

test('a person created with the case keeps family and given names apart, with a passport and a nationality; matches are offered as typed', async ({
  page,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`NP${tag}`, `New person port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  // numbers of this run only: two letters and ten digits
  const digits = `${Date.now() % 1e10}`.padStart(10, '0');
  const passport = `PE${digits}`;
  const known = `NG${digits}`;
  // already in the registers: a person with a passport, and an airline
  const request = await playwright.request.newContext({ baseURL });
  const api = await UserApi.login(request, officer.username);
  const okafor = `Okafor${tag}`;
  await api.post('/api/v1/persons', {
    family_name: okafor,
    given_names: 'Chidi',
    documents: [{ document_type: 'passport', number: known, issuing_country: 'NG' }],
  });
  const airline = `Aerolínea ${tag}`;
  await api.post('/api/v1/companies', { name: airline, country: 'CO' });

  await signInAs(page, officer.username, PASSWORD);
  await page.goto('/seizures/new');
  await expect(page.getByRole('heading', { name: 'Record a case', level: 1 })).toBeVisible();
  const item = page.getByTestId('goods-item').first();
  await pickOption(page, item, 'Commodity group', 'Drugs');
  await item.getByLabel(field('Quantity')).fill('2');
  await pickOption(page, item, 'Unit of measure', 'Kilogram (kg)', 'Kilogram');

  // ---- a new person, typed as a passport writes the name: the family name in capitals first
  await page.getByRole('button', { name: 'Add person' }).click();
  const first = page.locator('fieldset').filter({ hasText: 'Person 1' });
  await pickOption(page, first, 'Role', 'Courier');
  const search = first.getByLabel(field('Find or create a person')).first();
  await search.click();
  await search.fill('RESTREPO GÓMEZ Juan Carlos');
  await page.getByRole('option', { name: 'Create new person “RESTREPO GÓMEZ Juan Carlos”' }).click();
  await expect(first.getByLabel(field('Family name'))).toHaveValue('RESTREPO GÓMEZ');
  await expect(first.getByLabel(field('Given names'))).toHaveValue('Juan Carlos');
  await pickOption(page, first, 'Nationalities', 'Colombia');
  await first.getByRole('button', { name: 'Add document' }).click();
  const doc = first.getByTestId('document-fields').last();
  await pickOption(page, doc, 'Document type', 'Passport');
  await doc.getByLabel(field('Number')).fill(passport);
  await pickOption(page, doc, 'Issued by', 'Colombia');

  // ---- another, whose passport number the register already holds: offered, and taken instead
  await page.getByRole('button', { name: 'Add person' }).click();
  const second = page.locator('fieldset').filter({ hasText: 'Person 2' });
  await pickOption(page, second, 'Role', 'Courier');
  const search2 = second.getByLabel(field('Find or create a person')).first();
  await search2.click();
  await search2.fill('Nwosu, Emeka');
  await page.getByRole('option', { name: 'Create new person “Nwosu, Emeka”' }).click();
  await expect(second.getByLabel(field('Family name'))).toHaveValue('Nwosu');
  await second.getByRole('button', { name: 'Add document' }).click();
  await second.getByTestId('document-fields').last().getByLabel(field('Number')).fill(known.toLowerCase());
  const matches = second.getByTestId('possible-matches');
  await expect(matches).toContainText(`${okafor.toUpperCase()} Chidi`);
  await expect(matches).toContainText(`Holds document ${known}`);
  await expectAccessible(page, 'case form with a new person, documents and a possible match');
  await matches.getByRole('button', { name: `Use the record ${okafor.toUpperCase()} Chidi` }).click();
  await expect(second.getByTestId('linked-record').getByRole('link')).toHaveText(`${okafor.toUpperCase()} Chidi`);

  // ---- a conveyance's name: the airline of the company register is suggested as it is typed
  await page.getByRole('button', { name: 'Add conveyance' }).click();
  const conveyance = page.locator('fieldset').filter({ hasText: 'Conveyance 1' });
  await pickOption(page, conveyance, 'Role', 'Carrying conveyance');
  const identifier = conveyance.getByLabel(field('Find or create a conveyance')).first();
  await identifier.click();
  await identifier.fill(`AV${tag}`);
  await page.getByRole('option', { name: `Create new conveyance “AV${tag}”` }).click();
  await pickOption(page, conveyance, 'Conveyance type', 'Commercial passenger aircraft');
  await pickOption(page, conveyance, 'Identifier kind', 'Other');
  const name = conveyance.getByLabel(field('Name (vessel, airline, carrier)'));
  await name.fill(`aerolinea ${tag.toLowerCase()}`);
  await page.getByRole('option', { name: airline, exact: true }).click();
  await expect(name).toHaveValue(airline);

  await page.getByRole('button', { name: 'Record case' }).click();
  await expect(page.getByTestId('case-reference')).toBeVisible();
  // a new case opens on its pictures; its parties are on the case tab
  await page.getByRole('tab', { name: 'Case', exact: true }).click();
  await expect(page.getByTestId('linked-conveyances')).toContainText(airline);
  await expect(page.getByTestId('linked-persons').getByRole('link', { name: `${okafor.toUpperCase()} Chidi` })).toBeVisible();

  // ---- the person's register page: the names apart, the passport and the nationality
  await page.getByTestId('linked-persons').getByRole('link', { name: 'RESTREPO GÓMEZ Juan Carlos' }).click();
  await expect(page.getByTestId('record-title')).toHaveText('RESTREPO GÓMEZ Juan Carlos');
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByText('RESTREPO GÓMEZ', { exact: true })).toBeVisible();
  await expect(details.getByText('Juan Carlos', { exact: true })).toBeVisible();
  await expect(details.getByText('Colombia', { exact: true })).toBeVisible();
  const documents = page.getByTestId('person-documents');
  await expect(documents).toContainText('Passport');
  await expect(documents).toContainText(passport);
  await expect(documents).toContainText('Colombia');
  await expect(page.getByTestId('record-cases')).toContainText('Courier');
  await expectAccessible(page, 'person created with a case');
  await request.dispose();
});
