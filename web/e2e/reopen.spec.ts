import { expect, expectAccessible, field, minimalCase, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

interface CaseBody {
  id: string;
  version: number;
  reference: string;
}

test('a supervisor reopens a validated case with a reason, the officer edits it, the history reads in words', async ({
  page,
  browser,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`RO${tag}`, `Reopen port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const supervisor = await adminApi.createUser(uid('sup'), unit.id, ['supervisor']);

  // a validated case, through the API
  const request = await playwright.request.newContext({ baseURL });
  const officerApi = await UserApi.login(request, officer.username);
  const supervisorApi = await UserApi.login(request, supervisor.username);
  const created = await officerApi.post<CaseBody>('/api/v1/seizures', minimalCase(`Quay ${tag}`, { concealment_method: 'in_luggage' }));
  const submitted = await officerApi.post<CaseBody>(`/api/v1/seizures/${created.id}/submit`, undefined, 200, created.version);
  await supervisorApi.post<CaseBody>(`/api/v1/seizures/${created.id}/validate`, undefined, 200, submitted.version);
  const caseUrl = `/seizures/${created.id}`;

  // ---- the officer cannot change a validated case
  await signInAs(page, officer.username, PASSWORD);
  await page.goto(caseUrl);
  await expect(page.getByTestId('case-status')).toHaveText('Validated');
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reopen' })).toHaveCount(0);

  // ---- the supervisor reopens it, with a reason
  const supContext = await browser.newContext();
  const supPage = await supContext.newPage();
  await signInAs(supPage, supervisor.username, PASSWORD);
  await supPage.goto(caseUrl);
  await expect(supPage.getByTestId('case-status')).toHaveText('Validated');
  await supPage.getByRole('button', { name: 'Reopen' }).click();
  const dialog = supPage.getByRole('dialog', { name: 'Reopen this case?' });
  await expect(dialog).toBeVisible();
  // the reason is required
  await dialog.getByRole('button', { name: 'Reopen' }).click();
  await expect(dialog.getByText('Required')).toBeVisible();
  await expectAccessible(supPage, 'reopen dialog with an error');
  const reason = `Seal number wrong, see report ${tag}`;
  await dialog.getByLabel(field('Reason')).fill(reason);
  await dialog.getByRole('button', { name: 'Reopen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(supPage.getByTestId('case-status')).toHaveText('Draft');
  // why, at the top of the case (not only in History)
  const note = supPage.getByTestId('case-reopened');
  await expect(note).toHaveAttribute('data-action', 'reopen');
  await expect(note).toContainText(`Reopened by E2E ${supervisor.username} on`);
  await expect(note).toContainText(reason);
  await supPage.getByRole('tab', { name: 'History' }).click();
  const reopened = supPage.locator('[data-testid="history-entry"][data-action="reopen"]');
  await expect(reopened).toContainText('Reopened');
  await expect(reopened).toContainText(supervisor.username);
  await expect(reopened).toContainText(`Reason: ${reason}`);
  // the status change reads in words: Status, Validated → Draft
  const statusChange = reopened.locator('[data-testid="history-change"][data-field="status"]');
  await expect(statusChange.getByRole('rowheader')).toHaveText('Status');
  await expect(statusChange.getByTestId('history-old')).toHaveText('Validated');
  await expect(statusChange.getByTestId('history-new')).toHaveText('Draft');
  await supContext.close();

  // ---- the officer sees why, and can edit it again
  await page.reload();
  await expect(page.getByTestId('case-status')).toHaveText('Draft');
  await expect(page.getByTestId('case-reopened')).toContainText(reason);
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { name: `Edit ${created.reference}` })).toBeVisible();
  await pickOption(page, page, 'Concealment method', 'False bottom or compartment', 'False bottom');
  await page.getByLabel(field('How the goods were hidden')).fill('Under the boot floor');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('case-reference')).toHaveText(created.reference);
  await expect(page.getByTestId('concealment')).toContainText('False bottom or compartment');

  // the history names the fields by their labels (the API name stays in the title) and shows code labels
  await page.getByRole('tab', { name: 'History' }).click();
  const edited = page.getByTestId('history-entry').first();
  await expect(edited).toHaveAttribute('data-action', 'update');
  await expect(edited).toContainText(officer.username);
  const concealment = edited.locator('[data-testid="history-change"][data-field="concealment_method"]');
  const label = concealment.getByRole('rowheader');
  await expect(label).toHaveText('Concealment method');
  await expect(label).toHaveAttribute('title', 'concealment_method');
  await expect(concealment.getByTestId('history-old')).toHaveText('In luggage');
  await expect(concealment.getByTestId('history-new')).toHaveText('False bottom or compartment');
  const description = edited.locator('[data-testid="history-change"][data-field="concealment_description"]');
  await expect(description.getByRole('rowheader')).toHaveText('How the goods were hidden');
  await expect(description.getByTestId('history-old')).toHaveText('—');
  await expect(description.getByTestId('history-new')).toHaveText('Under the boot floor');
  await expect(edited).not.toContainText('concealment_method');
  // the creation lists the goods and the route readably
  const creation = page.locator('[data-testid="history-entry"][data-action="create"]');
  await expect(creation.locator('[data-field="goods"] [data-testid="history-new"]')).toHaveText('Drugs · 1 kg');
  await expect(creation.locator('[data-field="route"] [data-testid="history-new"]')).toHaveText('Colombia (Origin)');
  await expectAccessible(page, 'case history with labelled changes');
  await request.dispose();
});
