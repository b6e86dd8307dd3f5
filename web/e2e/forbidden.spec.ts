import { PASSWORD, expect, expectAccessible, signInAs, test, uid } from './support';

test('an officer sees no administration or audit, and gets a forbidden state there', async ({ page, adminApi }) => {
  const unit = await adminApi.createUnit(uid('F').toUpperCase(), `Forbidden unit ${uid('')}`);
  const officer = await adminApi.createUser(uid('fo'), unit.id, ['officer']);

  await signInAs(page, officer.username, PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Main navigation' }).first();
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(nav.getByText('Administration')).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(page.getByTestId('forbidden-state')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  await expect(page.getByTestId('users-table')).toHaveCount(0);
  await expectAccessible(page, 'forbidden state');

  await page.goto('/audit');
  await expect(page.getByTestId('forbidden-state')).toBeVisible();
  await page.goto('/admin/codelists');
  await expect(page.getByTestId('forbidden-state')).toBeVisible();
});
