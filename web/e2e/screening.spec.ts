import { expect, expectAccessible, field, PASSWORD, signInAs, test, uid, UserApi } from './support';

/**
 * Screening at the desk: a passenger named in Latin letters, with only a year of birth, is a
 * hit on the person the register holds in Arabic script, and the officer can see why.
 */
test('a passenger screened by a Latin name and a year of birth is a hit on the person recorded in Arabic', async ({ page, adminApi, request }) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`SC${tag}`, `Screening desk ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const officerApi = await UserApi.login(request, officer.username);
  const person = await officerApi.post<{ id: string }>('/api/v1/persons', {
    family_name: 'بن صالح',
    given_names: 'عبد القادر',
    date_of_birth: '1979-11-07',
  });
  const label = 'بن صالح, عبد القادر (1979-11-07)';

  await signInAs(page, officer.username, PASSWORD);

  // ---- from the navigation, next to the registers
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Screening' }).click();
  await expect(page).toHaveURL(/\/screening$/);
  await expect(page.getByRole('heading', { name: 'Screening', level: 1 })).toBeVisible();
  await expect(page.getByTestId('screening-audit-note')).toContainText('recorded in the audit trail');

  // ---- the name as the passport writes it in Latin letters, in one field, and the year of birth
  const form = page.getByTestId('screening-form');
  await expect(form.getByRole('radio', { name: 'Person' })).toBeChecked();
  await form.getByRole('textbox', { name: field('Full name') }).fill('Abdelkader Bensaleh');
  await form.getByLabel(field('Date of birth')).fill('1979');
  await form.getByRole('button', { name: 'Screen' }).click();

  // ---- a hit, labelled as the register writes the person, linking to the record
  const results = page.getByTestId('screening-results');
  await expect(results).toBeVisible();
  // the person of this run is among the hits (earlier runs may have recorded the same person)
  await expect(results.locator(`a[href="/registers/persons/${person.id}"]`)).toHaveText(label);
  const row = results.getByTestId('screening-candidate').filter({ has: page.getByRole('link', { name: label, exact: true }) }).first();
  await expect(row.getByTestId('screening-band')).toHaveText('Hit');
  await expect(row.getByTestId('screening-score')).toHaveText(/^\d{2,3}(\.\d)?%$/);
  await expect(page.getByTestId('screening-summary')).toContainText(/Hit at \d+(\.\d)?%, review from \d+(\.\d)?%\./);
  await expect(page.getByTestId('screening-summary')).toContainText(/\d+ records? compared\./);
  // nothing personal in the address
  expect(new URL(page.url()).search).toBe('');

  // ---- why: the name compared across scripts, and the date of birth
  const why = row.getByRole('button', { name: 'Why?' });
  await expect(why).toHaveAttribute('aria-expanded', 'false');
  await why.click();
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByTestId('screening-explanation');
  await expect(panel).toBeVisible();
  const features = panel.getByTestId('screening-feature');
  await expect(features.filter({ hasText: /^Name \(/ }).first()).toBeVisible();
  await expect(features.filter({ hasText: 'Date of birth' })).toHaveCount(1);
  await expect(features.filter({ hasText: 'Date of birth' })).toContainText(/[+−]\d\.\d{2}$/);

  await expectAccessible(page, 'screening, a hit and its explanation');

  // ---- the record opens from the result
  await results.locator(`a[href="/registers/persons/${person.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/registers/persons/${person.id}$`));
});
