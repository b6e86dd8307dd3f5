import { expect, expectAccessible, field, minimalCase, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

interface CaseBody {
  id: string;
  version: number;
  reference: string;
}

test('an auditor reads who did what to which case, picks actions from the list, sees a change and exports the view', async ({
  page,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`AV${tag}`, `Audit viewer port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const auditor = await adminApi.createUser(uid('aud'), unit.id, ['auditor']);

  // an officer records a case and submits it, through the API
  const request = await playwright.request.newContext({ baseURL });
  const officerApi = await UserApi.login(request, officer.username);
  const created = await officerApi.post<CaseBody>('/api/v1/seizures', minimalCase(`Quay ${tag}`));
  await officerApi.post<CaseBody>(`/api/v1/seizures/${created.id}/submit`, undefined, 200, created.version);
  await request.dispose();

  await signInAs(page, auditor.username, PASSWORD);
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit-table')).toBeVisible();

  // ---- the officer's events, the case's creation picked from the action list
  const filters = page.getByTestId('audit-filters');
  await filters.getByLabel(field('Actor')).fill(officer.username);
  await page.keyboard.press('Escape');
  await pickOption(page, filters, 'Action', 'Case recorded', 'recorded');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=seizure\.create/);
  await expect(page).toHaveURL(new RegExp(`actor=${officer.username}`));

  const rows = page.getByTestId('audit-table').locator('tbody tr[data-action]');
  await expect(rows).toHaveCount(1);
  const creation = rows.first();
  await expect(creation).toHaveAttribute('data-action', 'seizure.create');
  // the officer by name, the username under it; the case by its reference, linked
  await expect(creation.getByTestId('audit-actor-name')).toHaveText(`E2E ${officer.username}`);
  await expect(creation.getByTestId('audit-actor-username')).toHaveText(officer.username);
  await expect(creation.getByTestId('audit-action')).toHaveText('Case recorded');
  const caseLink = creation.getByRole('link', { name: created.reference });
  await expect(caseLink).toHaveAttribute('href', `/seizures/${created.id}`);
  // never a bare identifier
  await expect(creation).not.toContainText(created.id);
  await expectAccessible(page, 'audit viewer, filtered');

  // ---- a status change reads as before → after
  await pickOption(page, filters, 'Action', 'Case submitted for validation', 'submitted');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=seizure\.submit/);
  await expect(rows).toHaveCount(1);
  // the filtered list has replaced the previous one (which also had one row) before Show
  await expect(rows.first()).toContainText('Case submitted for validation');
  await rows.first().getByRole('button', { name: 'Show' }).click();
  const details = page.getByTestId('audit-details');
  const change = details.getByTestId('history-change');
  await expect(change).toHaveCount(1);
  await expect(change).toHaveAttribute('data-field', 'status');
  await expect(change.getByTestId('history-old')).toHaveText('Draft');
  await expect(change.getByTestId('history-new')).toHaveText('Submitted');
  // the raw JSON only on request
  await expect(details.locator('pre')).toHaveCount(0);
  await details.getByRole('button', { name: 'Technical details' }).click();
  await expect(details.locator('pre')).toContainText('"to": "submitted"');
  await expectAccessible(page, 'audit viewer with details');

  // ---- "all actions of a kind": the case's events, newest first
  await pickOption(page, filters, 'Action', 'Cases: all actions', 'all actions');
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=seizure\.(&|$)/);
  await expect(rows.first()).toHaveAttribute('data-action', 'seizure.submit');
  await expect(page.getByTestId('audit-table').locator('tr[data-action="seizure.create"]')).toHaveCount(1);

  // ---- export of the filtered view, as a file, itself audited
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await expect(page.getByTestId('audit-export-error')).toHaveCount(0);

  await page.goto(`/audit?actor=${auditor.username}&action=audit.export`);
  const exportRow = page.getByTestId('audit-table').locator('tr[data-action="audit.export"]').first();
  await expect(exportRow.getByTestId('audit-action')).toHaveText('Audit log exported');
  await exportRow.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('audit-facts')).toContainText(officer.username);

  // ---- read-volume alerts have their own view
  await page.getByTestId('audit-view').getByText('Read-volume alerts', { exact: true }).click();
  await expect(page).toHaveURL(/action=alert\.bulk_read/);
  await expect(page.getByTestId('bulk-read-help')).toBeVisible();

  // ---- the case reference leads to the case
  await page.goto(`/audit?object_type=seizure&object_id=${created.id}&action=seizure.create`);
  await page.getByTestId('audit-table').getByRole('link', { name: created.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/seizures/${created.id}$`));
});
