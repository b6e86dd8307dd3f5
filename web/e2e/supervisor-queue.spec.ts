import { expect, expectAccessible, field, minimalCase, signInAs, test, uid, UserApi, PASSWORD } from './support';

interface CaseBody {
  id: string;
  version: number;
  reference: string;
}

test('an officer submits, the supervisor finds it on the home page and sends it back with a reason, the officer sees why', async ({
  page,
  browser,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`SQ${tag}`, `Queue port ${tag}`);
  const otherUnit = await adminApi.createUnit(`SO${tag}`, `Other queue port ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const supervisor = await adminApi.createUser(uid('sup'), unit.id, ['supervisor']);
  const otherOfficer = await adminApi.createUser(uid('oth'), otherUnit.id, ['officer']);

  // a draft of the officer, and a submitted case of another unit (not in this supervisor's queue)
  const request = await playwright.request.newContext({ baseURL });
  const officerApi = await UserApi.login(request, officer.username);
  const created = await officerApi.post<CaseBody>('/api/v1/seizures', minimalCase(`Quay ${tag}`));
  const otherApi = await UserApi.login(request, otherOfficer.username);
  const elsewhere = await otherApi.post<CaseBody>('/api/v1/seizures', minimalCase(`Other quay ${tag}`));
  await otherApi.post(`/api/v1/seizures/${elsewhere.id}/submit`, {}, 200, elsewhere.version);
  const caseUrl = `/seizures/${created.id}`;

  // ---- the officer finds the draft on the home page and submits it, with a comment
  await signInAs(page, officer.username, PASSWORD);
  const drafts = page.getByTestId('home-drafts');
  await expect(drafts.getByRole('link', { name: created.reference })).toBeVisible();
  await expect(page.getByTestId('home-queue')).toHaveCount(0);
  await expectAccessible(page, 'officer home page');
  await drafts.getByRole('link', { name: created.reference }).click();
  await expect(page.getByTestId('case-reference')).toHaveText(created.reference);
  await page.getByRole('button', { name: 'Submit for validation' }).click();
  const submit = page.getByRole('dialog', { name: `Submit ${created.reference} for validation?` });
  await submit.getByLabel(field('Comment (optional)')).fill(`Lab report follows ${tag}`);
  await expectAccessible(page, 'submit dialog');
  await submit.getByRole('button', { name: 'Submit for validation' }).click();
  await expect(submit).toHaveCount(0);
  await expect(page.getByTestId('case-status')).toHaveText('Submitted');

  // ---- the supervisor's home page lists it, and only their unit's cases
  const supContext = await browser.newContext();
  const supPage = await supContext.newPage();
  await signInAs(supPage, supervisor.username, PASSWORD);
  const queue = supPage.getByTestId('home-queue');
  await expect(queue.getByRole('heading', { name: 'Waiting for validation' })).toBeVisible();
  await expect(queue.getByRole('link', { name: created.reference })).toBeVisible();
  await expect(queue.getByRole('link', { name: elsewhere.reference })).toHaveCount(0);
  await expect(queue.locator(`tr[data-reference="${created.reference}"]`).getByTestId('case-status')).toHaveText('Submitted');
  await expectAccessible(supPage, 'supervisor home page');

  // ---- and sends it back for correction: a reason is required
  await queue.getByRole('link', { name: created.reference }).click();
  await expect(supPage.getByTestId('case-status')).toHaveText('Submitted');
  await expect(supPage.getByRole('button', { name: 'Reopen' })).toHaveCount(0);
  await supPage.getByRole('button', { name: 'Send back for correction' }).click();
  const sendBack = supPage.getByRole('dialog', { name: `Send ${created.reference} back for correction?` });
  await sendBack.getByRole('button', { name: 'Send back' }).click();
  await expect(sendBack.getByText('Required')).toBeVisible();
  await expectAccessible(supPage, 'send back dialog with an error');
  const reason = `Seal number missing from the report ${tag}`;
  await sendBack.getByLabel(field('What needs correcting')).fill(reason);
  await sendBack.getByRole('button', { name: 'Send back' }).click();
  await expect(sendBack).toHaveCount(0);
  await expect(supPage.getByTestId('case-status')).toHaveText('Draft');
  await expect(supPage.getByTestId('case-reopened')).toContainText(reason);

  // the history names both steps and their texts
  await supPage.getByRole('tab', { name: 'History' }).click();
  const returned = supPage.locator('[data-testid="history-entry"][data-action="return"]');
  await expect(returned).toContainText('Sent back for correction');
  await expect(returned).toContainText(`Reason: ${reason}`);
  const submitted = supPage.locator('[data-testid="history-entry"][data-action="submit"]');
  await expect(submitted).toContainText(`Comment: Lab report follows ${tag}`);

  // the queue is empty again
  await supPage.goto('/');
  await expect(supPage.getByTestId('home-queue').getByRole('link', { name: created.reference })).toHaveCount(0);
  await supContext.close();

  // ---- the officer sees why at the top of the case, and was notified
  await page.reload();
  const note = page.getByTestId('case-reopened');
  await expect(note).toHaveAttribute('data-action', 'return');
  await expect(note).toContainText(`Sent back for correction by E2E ${supervisor.username} on`);
  await expect(note).toContainText(reason);
  await expect(page.getByTestId('case-status')).toHaveText('Draft');
  await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
  await expectAccessible(page, 'case sent back for correction');

  await page.goto('/notifications');
  const notice = page.locator('[data-testid="notification"][data-kind="case_returned"]');
  await expect(notice).toContainText('Case sent back for correction');
  await expect(notice).toContainText(created.reference);
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl}$`));

  // and the case is back among the drafts on their home page
  await page.goto('/');
  await expect(page.getByTestId('home-drafts').getByRole('link', { name: created.reference })).toBeVisible();
  await request.dispose();
});
