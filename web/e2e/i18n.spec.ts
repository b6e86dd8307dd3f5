import { ADMIN, expect, expectAccessible, signInAs, test } from './support';

test('switching language translates the app, Arabic turns it right-to-left', async ({ page }) => {
  await signInAs(page, ADMIN.username, ADMIN.password);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const nav = page.getByRole('navigation', { name: 'Navigation principale' }).first();
  await expect(nav.getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Utilisateurs' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Listes de codes' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Bienvenue/ })).toBeVisible();

  await nav.getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nouvel utilisateur' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Rôles' })).toBeVisible();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expectAccessible(page, 'users page in French');

  // the choice survives a reload
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Utilisateurs', level: 1 })).toBeVisible();

  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: 'المستخدمون' })).toBeVisible();
  // let the language menu finish closing (axe would judge it mid-transition)
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expectAccessible(page, 'users page in Arabic');

  await page.getByTestId('language-menu').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
});

test('the sign-in page can be switched to French', async ({ page }) => {
  await page.goto('/signin');
  await page.getByTestId('signin-language').selectOption('fr');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByLabel('Nom d’utilisateur')).toBeVisible();
  await expectAccessible(page, 'sign-in page in French');
});
