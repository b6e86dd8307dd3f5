import { expect, expectAccessible, field, pickOption, signInAs, test, uid, PASSWORD } from './support';

/**
 * Register lookup: a person registered with a passport is found by that number however it is
 * written, and entering them a second time is warned of, with a link to the existing record.
 */
test('a person registered with a passport is found by its number, and a second entry is warned of', async ({ page, adminApi }) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`RL${tag}`, `Register lookup ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const family = `Okafor${tag}`;
  const name = `${family.toUpperCase()} Chidi`;
  // a number of this run only: two letters and ten digits
  const digits = `${Date.now() % 1e10}`.padStart(10, '0');
  const passport = `NG${digits}`;

  await signInAs(page, officer.username, PASSWORD);

  // ---- register the person with a passport, from the persons register
  await page.goto('/registers?register=persons');
  await page.getByRole('link', { name: 'New person' }).click();
  await expect(page).toHaveURL(/\/registers\/persons\/new$/);
  await expect(page.getByRole('heading', { name: 'New person', level: 1 })).toBeVisible();
  const form = page.getByTestId('person-form');
  await form.getByLabel(field('Family name')).fill(family);
  await form.getByLabel(field('Given names')).fill('Chidi');
  await form.getByLabel(field('Date of birth')).fill('1987-04-12');
  await pickOption(page, form, 'Nationalities', 'Sweden');
  await form.getByRole('button', { name: 'Add document' }).click();
  const doc = form.getByTestId('document-fields').last();
  await pickOption(page, doc, 'Document type', 'Passport');
  await doc.getByLabel(field('Number')).fill(passport);
  await pickOption(page, doc, 'Issued by', 'Sweden');
  await form.getByRole('button', { name: 'Create record' }).click();

  await expect(page.getByText('Record created.')).toBeVisible();
  await expect(page).toHaveURL(/\/registers\/persons\/[0-9a-f-]{36}$/);
  const personUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('record-title')).toHaveText(name);
  await expect(page.getByTestId('person-documents')).toContainText(passport);

  // ---- the number, written with spaces and in lower case, finds them
  await page.getByRole('link', { name: 'Persons' }).first().click();
  const search = page.getByRole('searchbox', { name: 'Search by name, document number, phone or e-mail' });
  const written = `ng ${digits.slice(0, 4)} ${digits.slice(4)}`;
  await search.fill(written);
  const results = page.getByTestId('register-table');
  await expect(results.getByRole('link', { name })).toBeVisible();
  await expect(results.getByRole('link')).toHaveCount(1);
  // the search is in the address: reloading (or sharing the link) gives the same answer
  await expect(page).toHaveURL(/[?&]q=ng(\+|%20)/);
  await page.reload();
  await expect(search).toHaveValue(written);
  await expect(results.getByRole('link', { name })).toHaveAttribute('href', personUrl);
  // with a hyphen too, and narrowed by date of birth and nationality
  await search.fill(`NG-${digits}`);
  const filters = page.getByTestId('register-filters');
  await filters.getByLabel(field('Date of birth')).fill('1987');
  await pickOption(page, filters, 'Nationality', 'Sweden');
  await expect(page).toHaveURL(/born=1987/);
  await expect(page).toHaveURL(/nationality=SE/);
  await expect(results.getByRole('link', { name })).toBeVisible();
  await filters.getByLabel(field('Date of birth')).fill('1988');
  await expect(page.getByTestId('empty-state')).toContainText('No record matches your search.');

  // ---- starting to register the same passport again is warned of, with a link to the record
  await page.getByRole('link', { name: 'New person' }).click();
  const second = page.getByTestId('person-form');
  await second.getByLabel(field('Family name')).fill('Someone');
  await second.getByRole('button', { name: 'Add document' }).click();
  const again = second.getByTestId('document-fields').last();
  await pickOption(page, again, 'Document type', 'Passport');
  await again.getByLabel(field('Number')).fill(written);
  const warning = page.getByTestId('duplicate-warning');
  await expect(warning).toContainText('This person may already be registered');
  await expect(warning).toContainText('same identity document number');
  const match = warning.getByRole('link', { name: new RegExp(`^${family}, Chidi`, 'i') });
  await expect(match).toHaveAttribute('href', personUrl);
  // a warning, not a block
  await expect(second.getByRole('button', { name: 'Create record' })).toBeEnabled();
  await expectAccessible(page, 'person creation form with a duplicate warning');

  await match.click();
  await expect(page).toHaveURL(new RegExp(`${personUrl}$`));
  await expect(page.getByTestId('record-title')).toHaveText(name);
});

test('a name without a letter is refused', async ({ page, adminApi }) => {
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`RN${tag}`, `Register names ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  await signInAs(page, officer.username, PASSWORD);
  await page.goto('/registers/companies/new');
  const form = page.getByTestId('company-form');
  const companyName = form.getByLabel(field('Company name'));
  await companyName.fill('0');
  await form.getByRole('button', { name: 'Create record' }).click();
  await expect(companyName).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('A name must contain at least one letter.')).toBeVisible();
  await expect(page).toHaveURL(/\/registers\/companies\/new$/);
});
