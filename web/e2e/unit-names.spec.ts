import { ADMIN, PASSWORD, expect, expectAccessible, field, signInAs, test, uid } from './support';
import type { Page } from '@playwright/test';

async function switchToArabic(page: Page) {
  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('menu')).toHaveCount(0);
}

test('a unit given an Arabic name is shown under it when the app is in Arabic', async ({ page, browser, adminApi }) => {
  const code = uid('AR').toUpperCase();
  const name = `Port ${code}`;
  const arabic = `ميناء الاختبار ${code}`;
  const unit = await adminApi.createUnit(code, name);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);

  // ---- the administrator gives the unit its name in Arabic
  await signInAs(page, ADMIN.username, ADMIN.password);
  await page.goto(`/admin/units?unit=${unit.id}`);
  const form = page.getByRole('form', { name: 'Edit unit' });
  const arabicName = form.getByLabel(field('Name in Arabic'));
  await expect(arabicName).toHaveValue('');
  await expect(form.getByLabel(field('Name in English'))).toBeVisible();
  await expect(form.getByLabel(field('Name in French'))).toBeVisible();
  await arabicName.fill(arabic);
  await expectAccessible(page, 'unit form with its names in other languages');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await expect(arabicName).toHaveValue(arabic);
  // in English the unit keeps its own name
  const tree = page.getByTestId('units-tree');
  await expect(tree.getByText(name, { exact: true })).toBeVisible();

  // ---- in Arabic, the tree and the form's title name it in Arabic
  await switchToArabic(page);
  await expect(tree.getByText(arabic, { exact: true })).toBeVisible();
  await expect(tree.getByText(name, { exact: true })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: new RegExp(arabic) })).toBeVisible();
  await expectAccessible(page, 'units page in Arabic with a unit named in Arabic');

  // ---- a member of the unit sees its Arabic name as theirs, and its own name in English
  const other = await browser.newContext();
  const officerPage = await other.newPage();
  await signInAs(officerPage, officer.username, PASSWORD);
  await expect(officerPage.getByTestId('current-user')).toContainText(name);
  await switchToArabic(officerPage);
  await expect(officerPage.getByTestId('current-user')).toContainText(arabic);
  await expect(officerPage.getByTestId('current-user')).not.toContainText(name);
  await other.close();
});
