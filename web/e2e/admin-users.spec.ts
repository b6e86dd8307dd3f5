import { field, ADMIN, PASSWORD, expect, expectAccessible, signInAs, test, uid } from './support';

test('admin creates a unit and an officer, who signs in in another browser context', async ({ page, browser }) => {
  const unitCode = uid('U').toUpperCase();
  const unitName = `Port ${unitCode}`;
  const username = uid('officer');

  await signInAs(page, ADMIN.username, ADMIN.password);

  // a unit
  await page.getByRole('link', { name: 'Units' }).click();
  await expect(page.getByRole('heading', { name: 'Units', level: 1 })).toBeVisible();
  await expect(page.getByTestId('units-tree')).toBeVisible();
  await expectAccessible(page, 'units page');
  await page.getByRole('button', { name: /^New unit/ }).click();
  const unitDialog = page.getByRole('dialog', { name: 'New unit' });
  await unitDialog.getByLabel(field('Code')).fill(unitCode);
  await unitDialog.getByLabel(field('Name')).fill(unitName);
  // a top-level unit
  await unitDialog.getByLabel(field('Parent unit')).click();
  await page.getByRole('option', { name: '— Top level —' }).click();
  await expectAccessible(page, 'new unit dialog');
  await unitDialog.getByRole('button', { name: 'Create unit' }).click();
  await expect(unitDialog).toBeHidden();
  await expect(page.getByTestId('units-tree').getByText(unitName, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Edit unit: ${unitName}` })).toBeVisible();

  // an officer in it
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByTestId('users-table')).toBeVisible();
  await expectAccessible(page, 'users page');
  await page.getByRole('button', { name: 'New user' }).click();
  const userDialog = page.getByRole('dialog', { name: 'New user' });
  await userDialog.getByLabel(field('Username')).fill(username);
  await userDialog.getByLabel(field('Full name')).fill(`Officer ${username}`);
  await userDialog.getByLabel(field('Unit')).click();
  await page.getByRole('option', { name: new RegExp(unitCode) }).click();
  await expect(userDialog.getByRole('checkbox', { name: 'Officer', exact: true })).toBeChecked();
  await userDialog.getByLabel(field('Initial password')).fill(PASSWORD);
  await expectAccessible(page, 'new user dialog');
  await userDialog.getByRole('button', { name: 'Create user' }).click();
  await expect(userDialog).toBeHidden();
  await expect(page.getByRole('heading', { name: `Officer ${username}` })).toBeVisible();
  await expect(page.getByTestId('user-status')).toHaveText('Active');
  await expectAccessible(page, 'user detail page');

  // the list finds them
  await page.getByRole('link', { name: 'Users' }).first().click();
  await page.getByLabel(field('Search by name or username')).fill(username);
  await expect(page.getByTestId('users-table').getByRole('link', { name: username })).toBeVisible();

  // the officer signs in elsewhere and sees only what an officer may see
  const other = await browser.newContext();
  const officerPage = await other.newPage();
  await signInAs(officerPage, username, PASSWORD);
  await expect(officerPage.getByTestId('current-user')).toContainText(unitName);
  await expect(officerPage.getByTestId('current-user')).toContainText('Officer');
  await expect(officerPage.getByTestId('nav-admin')).toHaveCount(0);
  await expect(officerPage.getByTestId('nav-audit')).toHaveCount(0);
  await expectAccessible(officerPage, 'officer home');
  await other.close();
});

test('a duplicate username is reported at the field', async ({ page, adminApi }) => {
  const unit = await adminApi.createUnit(uid('D').toUpperCase(), `Dup unit ${uid('')}`);
  const existing = await adminApi.createUser(uid('dup'), unit.id, ['officer']);
  await signInAs(page, ADMIN.username, ADMIN.password);
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel(field('Username')).fill(existing.username);
  await dialog.getByLabel(field('Full name')).fill('Someone Else');
  await dialog.getByLabel(field('Unit')).click();
  await page.getByRole('option', { name: new RegExp(unit.code) }).click();
  await dialog.getByLabel(field('Initial password')).fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  // either a field error on username, or a form-level conflict message
  await expect(dialog.getByText(/already|exists|taken|conflict/i).first()).toBeVisible();
  await expectAccessible(page, 'new user dialog with errors');
});
