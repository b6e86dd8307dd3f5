import { field, PASSWORD, expect, expectAccessible, signInAs, test, uid } from './support';

test('an officer whose account is disabled is returned to sign-in on their next action', async ({ page, adminApi }) => {
  const unit = await adminApi.createUnit(uid('S').toUpperCase(), `Session unit ${uid('')}`);
  const officer = await adminApi.createUser(uid('so'), unit.id, ['officer']);

  await signInAs(page, officer.username, PASSWORD);
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();

  // meanwhile, an administrator disables the account
  await adminApi.setDisabled(officer.id, true);

  // the officer's next action needs the server, which refuses: back to sign-in, remembering the page
  await page.getByRole('link', { name: 'My account' }).first().click();
  await expect(page).toHaveURL(/\/signin\?next=%2Faccount/);
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await expectAccessible(page, 'sign-in after the session ended');

  // and cannot sign in again while disabled
  await page.getByLabel(field('Username')).fill(officer.username);
  await page.getByLabel(field('Password')).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signin-error')).toBeVisible();
});
