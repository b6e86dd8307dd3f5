import { expect, field, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * Communications of an investigation: the lead sends a request for information to another
 * unit with a due date; an officer of that unit reads the request (never the investigation),
 * answers it, and the lead sees it answered.
 *
 * The spec makes its own data (units and users unique to the run).
 */

test('a request for information is answered by the unit it was sent to', async ({ page, browser, adminApi, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`RQ${tag}`, `Request unit ${tag}`);
  const port = await adminApi.createUnit(`PT${tag}`, `Port unit ${tag}`);
  const chief = await adminApi.createUser(uid('chief'), unit.id, ['supervisor']);
  const lead = await adminApi.createUser(uid('lead'), unit.id, ['investigator']);
  const officer = await adminApi.createUser(uid('port'), port.id, ['officer']);

  const request = await playwright.request.newContext({ baseURL });
  const chiefApi = await UserApi.login(request, chief.username);
  const leadApi = await UserApi.login(request, lead.username);
  const leadId = ((await leadApi.get('/api/v1/me')) as { id: string }).id;
  const inv = await chiefApi.post<{ id: string; reference: string }>('/api/v1/investigations', {
    title: `Phones of the recruiter ${tag}`,
    priority: 'high',
    legal_basis: 'Code des douanes, art. 414',
    offence_types: ['drug_trafficking'],
    lead_id: leadId,
  });

  // ================= the lead asks the port unit, by a date
  await signInAs(page, lead.username, PASSWORD);
  await page.goto(`/investigations/${inv.id}`);
  await page.getByTestId('tab-communications').click();
  await page.getByTestId('request-information').click();
  const dialog = page.getByTestId('thread-dialog');
  const subject = `Subscriber of the phone ${tag}`;
  await dialog.getByTestId('thread-subject-input').fill(subject);
  const recipients = dialog.getByLabel(field('Asked of')).first();
  await recipients.click();
  await recipients.fill(`Port unit ${tag}`);
  await page.getByRole('option', { name: new RegExp(`Port unit ${tag}`) }).click();
  const due = new Date(Date.now() + 3 * 86_400_000);
  const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await dialog.getByTestId('thread-due-input').fill(local);
  await dialog.getByTestId('thread-body-input').fill('Who is the subscriber of +33 6 12 34 56 78?');
  await dialog.getByTestId('thread-submit').click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId('communication-row').filter({ hasText: subject });
  await expect(row).toHaveAttribute('data-kind', 'request');
  await expect(row.getByTestId('request-state')).toHaveAttribute('data-state', 'open');
  const threadId = await row.getAttribute('data-thread');
  expect(threadId).toBeTruthy();

  // ================= the port officer answers it, and cannot open the investigation
  const context = await browser.newContext();
  const portPage = await context.newPage();
  await signInAs(portPage, officer.username, PASSWORD);
  await portPage.goto(`/messages/${threadId}`);
  await expect(portPage.getByTestId('request-banner')).toBeVisible();
  await expect(portPage.getByTestId('request-open')).toBeVisible();
  await portPage.getByLabel(field('Your reply')).fill('A prepaid SIM bought in Aubervilliers.');
  await portPage.getByTestId('reply-answer').check();
  await portPage.getByRole('button', { name: 'Send' }).click();
  await expect(portPage.getByTestId('request-answered')).toBeVisible();
  await portPage.goto(`/investigations/${inv.id}`);
  await expect(portPage.getByTestId('request-banner')).toHaveCount(0);
  await expect(portPage.getByText(inv.reference)).toHaveCount(0);
  await context.close();

  // ================= the lead sees it answered
  await page.reload();
  await page.getByTestId('tab-communications').click();
  await expect(
    page.getByTestId('communication-row').filter({ hasText: subject }).getByTestId('request-state'),
  ).toHaveAttribute('data-state', 'answered');
});
