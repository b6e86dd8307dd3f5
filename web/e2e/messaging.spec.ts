import { expect, expectAccessible, field, minimalCase, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';
import { pngBytes } from './png';

/** `datetime-local` value some days ahead (the browser runs in UTC). */
function futureLocal(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
}

test('a warning reaches another unit live, is read and answered with feedback linked to a seizure; an outsider cannot open it', async ({
  page,
  browser,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = uid('').toUpperCase();
  const unitA = await adminApi.createUnit(`MA${tag}`, `Border post ${tag}`);
  const unitB = await adminApi.createUnit(`MB${tag}`, `Investigations ${tag}`);
  const unitC = await adminApi.createUnit(`MC${tag}`, `Elsewhere ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unitA.id, ['officer']);
  const investigator = await adminApi.createUser(uid('inv'), unitB.id, ['investigator']);
  const outsider = await adminApi.createUser(uid('out'), unitC.id, ['officer']);
  const recorder = await adminApi.createUser(uid('rec'), unitB.id, ['officer']);

  // the seizure case the feedback will point to, recorded in the investigator's unit through the API and
  const request = await playwright.request.newContext({ baseURL });
  const recApi = await UserApi.login(request, recorder.username);
  const seized = await recApi.post<{ id: string; reference: string; version: number }>('/api/v1/seizures', minimalCase(`Quay ${tag}`));
  // submitted, so that investigators (who do not see drafts) can link it
  await recApi.post(`/api/v1/seizures/${seized.id}/submit`, undefined, 200, seized.version);
  const subject = `Reefer ${tag}`;

  // ---- the investigator waits in the inbox
  const invContext = await browser.newContext();
  const inv = await invContext.newPage();
  await signInAs(inv, investigator.username, PASSWORD);
  await inv.getByRole('link', { name: /^Messages/ }).click();
  await expect(inv.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
  await expect(inv.getByTestId('notification-bell')).toHaveAccessibleName('Notifications');

  // ---- the officer sends a warning to the investigator's unit
  await signInAs(page, officer.username, PASSWORD);
  await page.getByRole('link', { name: /^Messages/ }).click();
  await page.getByRole('link', { name: 'New message' }).click();
  await expect(page.getByRole('heading', { name: 'New message', level: 1 })).toBeVisible();
  await page.getByTestId('template-picker').getByText('Warning', { exact: true }).click();

  // nothing is sent before the form is complete
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('form-invalid')).toBeVisible();

  const recipients = page.getByLabel(field('Recipients')).first();
  await recipients.click();
  await recipients.fill(`Investigations ${tag}`);
  await page.getByRole('option', { name: new RegExp(`Investigations ${tag}`) }).click();
  await expect(page.getByTestId('recipient-pill')).toContainText(`Investigations ${tag}`);
  await page.getByLabel(field('Subject')).fill(subject);
  await page.getByLabel(field('Urgent')).check();
  await pickOption(page, page, 'Type', 'Container');
  await page.getByLabel(field('Identifier')).fill(`MSCU${tag.slice(0, 6)}`);
  await page.getByLabel(field('Description')).fill('Refrigerated container, bananas declared');
  await pickOption(page, page, 'Origin', 'Colombia');
  await pickOption(page, page, 'Destination', 'France');
  const risks = page.getByLabel(field('Risk indicators')).first();
  await risks.fill('new consignee');
  await risks.press('Enter');
  await page.getByLabel(field('Action requested')).fill('Scan the container on arrival');
  await page.getByLabel(field('Feedback due')).fill(futureLocal(3));
  await page.getByLabel(field('Message')).fill('Please *scan* it.\n\nDetails: https://example.org/notice');
  // a photo of the seal goes with it: uploaded at once, its id sent with the warning
  await page
    .getByTestId('attachment-picker')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'seal.png', mimeType: 'image/png', buffer: pngBytes(96, 64) });
  await expect(page.getByTestId('upload-item')).toHaveAttribute('data-status', 'done');
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
  await expectAccessible(page, 'compose a warning');
  await page.getByRole('button', { name: 'Send' }).click();

  await expect(page.getByTestId('thread-subject')).toHaveText(subject);
  const warningUrl = new URL(page.url()).pathname;
  expect(warningUrl).toMatch(/^\/messages\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('warning-details')).toContainText('Scan the container on arrival');
  await expect(page.getByTestId('message').first().locator('strong')).toHaveText('scan');
  await expect(page.getByTestId('message').first().getByRole('link', { name: 'https://example.org/notice' })).toBeVisible();
  await expect(page.getByTestId('read-receipt').first()).toHaveText('Not read yet');
  await expect(page.getByTestId('message').first().getByTestId('message-attachment')).toContainText('seal.png');
  // let the "sent" notice fade out first (axe would judge it mid-transition)
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 20_000 });
  await expectAccessible(page, 'warning thread');

  // ---- the investigator sees it arrive without reloading: in the inbox and on the bell
  const row = inv.getByTestId('thread-row').filter({ hasText: subject });
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-unread', 'true');
  await expect(row.getByTestId('thread-kind')).toHaveText('Warning');
  await expect(row.getByTestId('thread-urgent')).toBeVisible();
  await expect(inv.getByTestId('notification-bell')).toHaveAccessibleName('Notifications (unread: 1)');
  // a warning pops up live (every kind does by default)
  const toast = inv.locator('.mantine-Notification-root').filter({ hasText: subject });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Close' }).click();
  await expect(toast).toHaveCount(0);
  await expectAccessible(inv, 'inbox with a new warning');

  // opens it
  await row.getByRole('link', { name: subject }).click();
  await expect(inv.getByTestId('thread-subject')).toHaveText(subject);
  await expect(inv.getByTestId('warning-watch')).toContainText('Refrigerated container');
  await expect(inv.getByTestId('warning-route')).toHaveText('Colombia → France');
  // the photo: its thumbnail fetched with the investigator's token, and the file to download
  const photo = inv.getByTestId('message').first().getByRole('img', { name: 'Preview of seal.png' });
  await expect(photo).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(inv.getByTestId('message').first().getByTestId('attachment-meta')).toHaveText(/^PNG image · /);
  const download = inv.waitForEvent('download');
  await inv.getByRole('button', { name: 'Download seal.png' }).click();
  expect((await download).suggestedFilename()).toBe('seal.png');
  await expect(inv.getByTestId('notification-bell')).toHaveAccessibleName('Notifications');

  // ---- the officer sees the read receipt arrive
  await expect(page.getByTestId('read-receipt').first()).toHaveText(/^Read by /);

  // ---- the investigator answers with feedback: seized, linked to the case
  await inv.getByRole('link', { name: 'Send feedback' }).click();
  await expect(inv.getByRole('heading', { name: 'New message', level: 1 })).toBeVisible();
  await expect(inv.getByLabel(field('Subject'))).toHaveValue(`Feedback: ${subject}`);
  await expect(inv.getByTestId('recipient-pill')).toHaveCount(1);
  await inv.getByRole('radio', { name: 'Seized' }).check();
  const casePicker = inv.getByLabel(field('Seizure case')).first();
  await casePicker.click();
  await casePicker.fill(seized.reference);
  await inv.getByRole('option', { name: new RegExp(`^${seized.reference}`) }).click();
  await inv.getByLabel(field('Message')).fill('Controlled on arrival: 1 kg seized.');
  await expectAccessible(inv, 'compose feedback');
  await inv.getByRole('button', { name: 'Send' }).click();
  await expect(inv.getByTestId('feedback-details')).toBeVisible();
  await expect(inv.getByTestId('feedback-outcome')).toHaveText('Seized');
  await expect(inv.getByTestId('feedback-case-link')).toHaveAttribute('href', `/seizures/${seized.id}`);
  await expect(inv.getByTestId('feedback-warning-link')).toHaveAttribute('href', warningUrl);

  // the case page lists the feedback about it, and offers to send a warning or a seizure message
  await inv.getByTestId('feedback-case-link').click();
  const caseMessages = inv.getByTestId('case-messages');
  await expect(caseMessages.getByTestId('case-thread')).toHaveCount(1);
  await expect(caseMessages.getByRole('link', { name: `Feedback: ${subject}` })).toHaveAttribute('href', /^\/messages\//);
  await expect(caseMessages.getByRole('link', { name: 'Send a warning' })).toHaveAttribute('href', `/messages/new?template=warning&case=${seized.id}`);
  await expect(caseMessages.getByRole('link', { name: 'Send a seizure message' })).toHaveAttribute(
    'href',
    `/messages/new?template=seizure&case=${seized.id}`,
  );

  // ---- the officer sees the feedback on the warning without reloading
  const feedbacks = page.getByTestId('feedbacks');
  await expect(feedbacks.getByTestId('feedback-item')).toHaveCount(1);
  await expect(feedbacks).toContainText(`Feedback: ${subject}`);
  await expect(feedbacks.getByTestId('feedback-outcome')).toHaveText('Seized');
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(/unread: \d+/);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 20_000 });
  await expectAccessible(page, 'warning with its feedback');

  // ---- someone outside the thread gets not-found, from the URL too
  const outContext = await browser.newContext();
  const out = await outContext.newPage();
  await signInAs(out, outsider.username, PASSWORD);
  await out.goto(warningUrl);
  await expect(out.getByTestId('not-found-state')).toBeVisible();
  await outContext.close();

  await invContext.close();
  await request.dispose();
});
