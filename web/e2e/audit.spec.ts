import { field, ADMIN, PASSWORD, expect, expectAccessible, pickOption, signInAs, test, uid } from './support';

test('the audit viewer shows the actions just done, and the chain verifies', async ({ page, adminApi }) => {
  // an auditor, and something for them to see
  const home = await adminApi.createUnit(uid('AU').toUpperCase(), `Audit unit ${uid('')}`);
  const auditor = await adminApi.createUser(uid('aud'), home.id, ['auditor']);
  const marker = await adminApi.createUnit(uid('AM').toUpperCase(), `Audited unit ${uid('')}`);

  // the admin also acts in the browser: a sign-in is audited
  await signInAs(page, ADMIN.username, ADMIN.password);
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signInAs(page, auditor.username, PASSWORD);
  // auditors read users (to resolve actors) but manage nothing
  await expect(page.getByRole('link', { name: 'Units' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Code lists' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await expectAccessible(page, 'audit page');

  // newest first: the auditor's own sign-in is there
  await expect(page.locator('tr[data-action="auth.login"]').first()).toBeVisible();

  // filter to the unit just created
  const filters = page.getByTestId('audit-filters');
  await filters.getByLabel(field('Object ID')).fill(marker.id);
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`object_id=${marker.id}`));
  const rows = page.getByTestId('audit-table').locator('tbody tr[data-action]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-action', 'unit.create');
  await expect(rows.first()).toContainText('admin');
  await rows.first().getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('audit-facts')).toContainText(marker.code);

  // actions by actor
  await filters.getByLabel(field('Object ID')).fill('');
  await filters.getByLabel(field('Actor')).fill('admin');
  await page.keyboard.press('Escape');
  await pickOption(page, filters, 'Action', 'User account created', 'account created');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('audit-table').locator('tbody tr[data-action]').first()).toHaveAttribute('data-action', 'user.create');

  // a filter that matches nothing shows the empty state
  await filters.getByLabel(field('Object ID')).fill(uid('none'));
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();

  // chain verification
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('verify-ok')).toContainText('The chain is intact');
  await expectAccessible(page, 'audit page with verification');
});
