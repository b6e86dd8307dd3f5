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

test('a reload that cuts a refresh short keeps the officer signed in', async ({ page, adminApi, playwright, baseURL }) => {
  const unit = await adminApi.createUnit(uid('S').toUpperCase(), `Session unit ${uid('')}`);
  const officer = await adminApi.createUser(uid('so'), unit.id, ['officer']);
  await signInAs(page, officer.username, PASSWORD);
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();

  // the server rotates the refresh cookie, but its answer never reaches the browser (a reload
  // aborted it, or the network dropped): the browser still holds the cookie just rotated
  const cookie = (await page.context().cookies()).find((c) => c.name === 'ncen_refresh');
  expect(cookie).toBeDefined();
  const elsewhere = await playwright.request.newContext({ baseURL });
  const lost = await elsewhere.post('/api/v1/auth/refresh', { headers: { cookie: `ncen_refresh=${cookie?.value ?? ''}` } });
  expect(lost.status()).toBe(200);
  await elsewhere.dispose();

  // the officer reloads, twice: still signed in, on the same page
  await page.getByRole('link', { name: 'My account' }).first().click();
  await expect(page).toHaveURL(/\/account/);
  for (let i = 0; i < 2; i += 1) {
    await page.reload();
    await expect(page).toHaveURL(/\/account/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
  const after = (await page.context().cookies()).find((c) => c.name === 'ncen_refresh');
  expect(after?.value).not.toBe(cookie?.value);
});
