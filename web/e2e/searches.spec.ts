import { expect, expectAccessible, field, minimalCase, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * Saved searches that alert (issue 16), as an analyst uses them: filter the seizure list, save
 * the search (shared with the unit); an officer records and submits a case the search finds; the
 * analyst is notified within seconds, opens the notification and finds the case among the
 * search's hits; a paused search finds nothing more; a colleague sees the shared search.
 *
 * The spec makes its own data (a unit, users and cases unique to the run): the free text (a
 * tag in the cases' place) keeps other specs' cocaine cases out of the search.
 */

interface Created {
  id: string;
  version: number;
}
interface Submitted {
  id: string;
  reference: string;
}
interface Hits {
  items: { case: { id: string } }[];
}

test('an analyst saves a seizure search, is notified of a new case it finds, and pauses it', async ({ page, browser, adminApi, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uid('SS').toUpperCase();
  const unit = await adminApi.createUnit(`SS${tag.slice(-8)}`, `Searches unit ${tag}`);
  const officer = await adminApi.createUser(uid('officer'), unit.id, ['officer']);
  const analyst = await adminApi.createUser(uid('analyst'), unit.id, ['analyst']);
  const colleague = await adminApi.createUser(uid('analyst'), unit.id, ['analyst']);
  const request = await playwright.request.newContext({ baseURL });
  const officerApi = await UserApi.login(request, officer.username);
  const analystApi = await UserApi.login(request, analyst.username);
  const name = `Cocaine ${tag}`;

  /** A case of the officer's, submitted; cocaine unless `goods` says otherwise. */
  const submitCase = async (place: string, goods: object[] = [{ commodity_group: 'drugs', commodity_type: 'cocaine', quantity: 3, unit: 'kg' }]) => {
    const kase = await officerApi.post<Created>('/api/v1/seizures', minimalCase(place, { goods }));
    return officerApi.post<Submitted>(`/api/v1/seizures/${kase.id}/submit`, {}, 200, kase.version);
  };

  // ---- the analyst filters the seizure list and saves the search
  await signInAs(page, analyst.username, PASSWORD);
  await page.getByRole('link', { name: 'Seizures' }).click();
  const filters = page.getByTestId('seizure-filters');
  await pickOption(page, filters, 'Commodity group', 'Drugs');
  await pickOption(page, filters, 'Commodity type', 'Cocaine');
  await filters.getByLabel(field('Free text')).fill(tag);
  await filters.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/commodity_type=cocaine/);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  await page.getByRole('button', { name: 'Save this search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this search' });
  const summary = dialog.getByTestId('search-summary');
  await expect(summary).toContainText('Commodity type: Cocaine');
  await expect(summary).toContainText(`Free text: “${tag}”`);
  await expectAccessible(page, 'the save-search dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Required')).toBeVisible();
  await dialog.getByLabel(field('Name')).fill(name);
  await dialog.getByRole('checkbox', { name: 'Share with my unit' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: `Search “${name}” saved` })).toBeVisible();

  // a second rule of the analyst's, through the API: every case of the run (it tells when the
  // worker has checked a case, whatever the first rule says of it)
  const probe = await analystApi.post<{ id: string }>('/api/v1/saved-searches', { name: `Everything ${tag}`, query: { q: tag } });
  const probeHits = async () => (await analystApi.get<Hits>(`/api/v1/saved-searches/${probe.id}/hits`)).items.map((h) => h.case.id);

  // ---- the officer records and submits a cocaine case the search finds, and one it does not
  const found = await submitCase(`Quay ${tag} north`);
  const other = await submitCase(`Quay ${tag} south`, [{ commodity_group: 'drugs', quantity: 1, unit: 'kg' }]);

  // ---- the analyst is notified within seconds (the server's worker), and opens the notification
  await page.goto('/notifications');
  const notice = page.locator('[data-testid="notification"][data-kind="search_hit"]').filter({ hasText: name });
  await expect(async () => {
    await page.reload();
    await expect(notice).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(notice).toContainText('A saved search found new matches');
  await expect(notice).toContainText(`“${name}” — ${found.reference}`);
  await expectAccessible(page, 'notifications with a saved search’s');
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(/\/searches\/[0-9a-f-]{36}$/);
  const searchUrl = page.url();

  // ---- the search's page lists the case, and not the other
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const hits = page.getByTestId('search-hits-table');
  await expect(hits.getByRole('link', { name: found.reference })).toHaveAttribute('href', `/seizures/${found.id}`);
  await expect(hits.locator('tbody tr')).toHaveCount(1);
  await expect(hits.locator(`tr[data-reference="${found.reference}"]`)).toContainText('Cocaine');
  await expect(hits.locator(`tr[data-reference="${found.reference}"]`)).toContainText(`Quay ${tag} north`);
  await expect(page.getByTestId('search-hits-total')).toHaveText('1 case found');
  await expect(page.getByTestId('search-state')).toContainText('Shared');
  await expectAccessible(page, 'a saved search with its hits');
  await expect.poll(probeHits, { timeout: 20_000 }).toContain(other.id);

  // ---- paused, it finds nothing more
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('search-paused')).toBeVisible();
  await expect(page.getByTestId('search-state')).toContainText('Paused');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expectAccessible(page, 'a paused saved search');
  const later = await submitCase(`Quay ${tag} east`);
  // the worker checked it (the other rule found it) and the paused one did not
  await expect.poll(probeHits, { timeout: 20_000 }).toContain(later.id);
  await page.reload();
  await expect(page.getByTestId('search-hits-table').locator('tbody tr')).toHaveCount(1);

  // ---- the list of saved searches, and back to the seizure list with the same filters
  await page.getByRole('link', { name: 'Saved searches', exact: true }).click();
  const mine = page.getByTestId('saved-searches-mine');
  const row = mine.locator('tr', { hasText: name });
  await expect(row.getByTestId('search-state')).toContainText('Paused');
  await expect(row.getByTestId('search-hits')).toHaveText('1');
  await expect(row.getByTestId('search-summary')).toContainText('Commodity type: Cocaine');
  await expectAccessible(page, 'the saved searches');
  await row.getByRole('button', { name: `Actions for “${name}”` }).click();
  await page.getByRole('menuitem', { name: 'Open in the seizure list' }).click();
  await expect(page).toHaveURL(/\/seizures\?/);
  await expect(page).toHaveURL(/commodity_type=cocaine/);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  const table = page.getByTestId('seizures-table');
  await expect(table.getByRole('link', { name: found.reference })).toBeVisible();
  await expect(table.getByRole('link', { name: later.reference })).toBeVisible();
  await expect(table.getByRole('link', { name: other.reference })).toHaveCount(0);

  // ---- a colleague of the unit sees the shared search and its hits, and may not change it
  const context = await browser.newContext();
  const colleaguePage = await context.newPage();
  await signInAs(colleaguePage, colleague.username, PASSWORD);
  await colleaguePage.goto('/searches');
  const shared = colleaguePage.getByTestId('saved-searches-shared').locator('tr', { hasText: name });
  await expect(shared.getByTestId('search-owner')).toHaveText(`By E2E ${analyst.username}`);
  await shared.getByRole('link', { name }).click();
  await expect(colleaguePage).toHaveURL(searchUrl);
  await expect(colleaguePage.getByTestId('search-not-owner')).toBeVisible();
  await expect(colleaguePage.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  await expect(colleaguePage.getByTestId('search-hits-table').getByRole('link', { name: found.reference })).toBeVisible();
  await context.close();

  // ---- a search that is not there is said so
  await page.goto('/searches/0193a000-0000-7000-8000-000000000000');
  await expect(page.getByTestId('not-found-state')).toContainText('This saved search does not exist, was deleted, or is not shared with you.');
  await request.dispose();
});

interface RecordHits {
  items: { record: { id: string; label: string } }[];
}

test('an analyst saves a company search from the register and is told of a company registered after it', async ({ page, adminApi, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const tag = uid('RS').toUpperCase();
  const unit = await adminApi.createUnit(`RS${tag.slice(-8)}`, `Register searches ${tag}`);
  const officer = await adminApi.createUser(uid('officer'), unit.id, ['officer']);
  const analyst = await adminApi.createUser(uid('analyst'), unit.id, ['analyst']);
  const request = await playwright.request.newContext({ baseURL });
  const officerApi = await UserApi.login(request, officer.username);
  const analystApi = await UserApi.login(request, analyst.username);
  const name = `Ecuador exporters ${tag}`;

  // ---- the analyst filters the company register (country and a word of the name) and saves it
  await signInAs(page, analyst.username, PASSWORD);
  await page.goto(`/registers?register=companies&country=EC&q=${tag}`);
  await expect(page.getByTestId('register-filters')).toBeVisible();
  await page.getByRole('button', { name: 'Save this search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this search' });
  await expect(dialog.getByTestId('search-summary')).toContainText(`“${tag}”`);
  await expectAccessible(page, 'the save-search dialog of a register');
  await dialog.getByLabel(field('Name')).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const rules = await analystApi.get<{ items: { id: string; name: string; target: string; query: object }[] }>('/api/v1/saved-searches');
  const rule = rules.items.find((r) => r.name === name);
  expect(rule?.target).toBe('companies');
  expect(rule?.query).toEqual({ country: 'EC', q: tag });

  // ---- an officer registers a company of Ecuador with that word, and one of Peru
  const found = await officerApi.post<{ id: string }>('/api/v1/companies', { name: `Banano ${tag} SA`, country: 'EC' });
  await officerApi.post<{ id: string }>('/api/v1/companies', { name: `Lima ${tag} SAC`, country: 'PE' });

  // ---- the analyst is notified within seconds and finds the company among the rule's hits
  await page.goto('/notifications');
  const notice = page.locator('[data-testid="notification"][data-kind="search_hit"]').filter({ hasText: name });
  await expect(async () => {
    await page.reload();
    await expect(notice).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(notice).toContainText('A saved search found new matches');
  await notice.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const hits = page.getByTestId('search-hits-table');
  await expect(hits.locator('tbody tr')).toHaveCount(1);
  await expect(hits.getByRole('link', { name: new RegExp(`Banano ${tag}`, 'i') })).toHaveAttribute('href', `/registers/companies/${found.id}`);
  await expectAccessible(page, 'a register rule with its hits');
  const api = await analystApi.get<RecordHits>(`/api/v1/saved-searches/${rule?.id}/hits`);
  expect(api.items.map((h) => h.record.id)).toEqual([found.id]);
  await request.dispose();
});
