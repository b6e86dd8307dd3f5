import { field, ADMIN, PASSWORD, expect, expectAccessible, signIn, signInAs, test, uid } from './support';

test('signs in, survives a reload, signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign-in page');

  await signInAs(page, ADMIN.username, ADMIN.password);
  await expect(page.getByRole('heading', { name: /Welcome/ })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('Administrator');
  await expectAccessible(page, 'home page');

  // The access token lives in memory only: a reload resumes through the refresh cookie.
  await page.reload();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin%2Fusers/);
});

test('a wrong password shows a message', async ({ page, adminApi }) => {
  const unit = await adminApi.createUnit(uid('WP'), `Wrong password unit ${uid('')}`);
  const user = await adminApi.createUser(uid('wp'), unit.id, ['officer']);

  await signIn(page, user.username, 'not-the-password');
  const alert = page.getByTestId('signin-error');
  await expect(alert).toHaveText('Wrong username or password.');
  await expect(page.getByLabel(field('Password'))).toHaveValue('');
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page, 'sign-in page with an error');

  // and the right one still works
  await page.getByLabel(field('Password')).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
});

test('returns to the page asked for after signing in', async ({ page }) => {
  await page.goto('/admin/units');
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin%2Funits/);
  await page.getByLabel(field('Username')).fill(ADMIN.username);
  await page.getByLabel(field('Password')).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/units$/);
  await expect(page.getByRole('heading', { name: 'Units', level: 1 })).toBeVisible();
});
