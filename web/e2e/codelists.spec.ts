import { field, ADMIN, expect, expectAccessible, signInAs, test, uid } from './support';

test('admin adds an entry to a code list and retires it', async ({ page }) => {
  await signInAs(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: 'Code lists' }).click();
  const table = page.getByTestId('codelists-table');
  await expect(table).toBeVisible();
  await expectAccessible(page, 'code lists page');

  // a list without a parent list keeps the form simple
  const names = await page.evaluate(() => {
    return [...document.querySelectorAll('[data-testid="codelists-table"] tbody tr')]
      .filter((tr) => tr.querySelectorAll('td')[2]?.textContent?.trim() === '—')
      .map((tr) => tr.querySelector('a')?.textContent ?? '');
  });
  const listName = names.find(Boolean);
  expect(listName, 'a code list without a parent').toBeTruthy();
  await table.getByRole('link', { name: listName, exact: true }).click();
  await expect(page.getByRole('heading', { name: listName, level: 1 })).toBeVisible();
  await expectAccessible(page, 'code list page');

  const code = uid('E2E_').toUpperCase();
  await page.getByRole('button', { name: 'Add entry' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add entry' });
  await dialog.getByLabel(field('Code')).fill(code);
  await dialog.getByLabel(field('Label (English)')).fill(`E2E entry ${code}`);
  await dialog.getByLabel(field('Label (French)')).fill(`Entrée E2E ${code}`);
  await expectAccessible(page, 'add entry dialog');
  await dialog.getByRole('button', { name: 'Add entry' }).click();
  await expect(dialog).toBeHidden();

  const row = page.locator(`tr[data-code="${code}"]`);
  await expect(row).toContainText(`E2E entry ${code}`);
  await expect(row).toContainText('In use');

  await row.getByRole('button', { name: `Retire entry ${code}` }).click();
  await expect(row).toContainText('Retired');
  await expect(row.getByRole('button', { name: `Reinstate entry ${code}` })).toBeVisible();

  // hidden when retired entries are not shown
  const showRetired = page.getByRole('switch', { name: 'Show retired entries' });
  await showRetired.click();
  await expect(showRetired).not.toBeChecked();
  await expect(row).toHaveCount(0);
  await showRetired.click();
  await expect(showRetired).toBeChecked();
  await expect(row).toContainText('Retired');
});
