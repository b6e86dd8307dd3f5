import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pngBytes } from './png';
import { expect, expectAccessible, field, minimalCase, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * Investigations: a supervisor opens one from a seizure case (its links prefilled), names the
 * lead and a team member, and assigns it; the lead starts work and adds the drugs templates'
 * tasks; the member completes the task given to them and writes a journal entry with a photo; an
 * investigator of another unit cannot open it by its address; the supervisor closes it with an
 * outcome, the timeline tells the story, and the report downloads as a PDF and opens as a
 * print view naming the persons and the seizure.
 *
 * The spec makes its own data (units and users unique to the run).
 */

interface Investigation {
  id: string;
  reference: string;
  version: number;
}
interface Task {
  id: string;
  title: string;
  version: number;
}

async function move(page: Page, to: string, reason: string, outcome?: string) {
  await page.getByTestId(`transition-${to}`).click();
  const dialog = page.getByTestId('transition-dialog');
  await expect(dialog).toHaveAttribute('data-to', to);
  if (outcome) await pickOption(page, dialog, 'Outcome', outcome);
  await dialog.getByLabel(field('Reason')).fill(reason);
  await dialog.getByTestId('transition-submit').click();
  await expect(dialog).toHaveCount(0);
}

test('an investigation opened from a seizure is worked by its team and closed with an outcome', async ({ page: chiefPage, browser, adminApi, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`IN${tag}`, `Investigation unit ${tag}`);
  const other = await adminApi.createUnit(`OT${tag}`, `Other unit ${tag}`);
  const chief = await adminApi.createUser(uid('chief'), unit.id, ['supervisor']);
  const lead = await adminApi.createUser(uid('lead'), unit.id, ['investigator']);
  const member = await adminApi.createUser(uid('member'), unit.id, ['officer']);
  const outsider = await adminApi.createUser(uid('out'), other.id, ['investigator']);

  const request = await playwright.request.newContext({ baseURL });
  const chiefApi = await UserApi.login(request, chief.username);
  const leadApi = await UserApi.login(request, lead.username);
  const memberApi = await UserApi.login(request, member.username);
  const ids = async (api: UserApi) => ((await api.get('/api/v1/me')) as { id: string }).id;
  const leadId = await ids(leadApi);
  const memberId = await ids(memberApi);

  // a submitted case of the unit, naming a courier
  const created = await chiefApi.post<{ id: string; reference: string }>(
    '/api/v1/seizures',
    minimalCase(`CDG ${tag}`, { persons: [{ role: 'offender', person: { family_name: `Courier${tag}`, given_names: 'Ivan' } }] }),
  );
  await chiefApi.post(`/api/v1/seizures/${created.id}/submit`, undefined, 200, 1);

  /** Each user in a browser of their own. */
  const as = async (username: string) => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await signInAs(p, username, PASSWORD);
    return p;
  };
  let page = chiefPage;

  // ================= the supervisor opens it from the case
  await signInAs(page, chief.username, PASSWORD);
  await page.goto(`/seizures/${created.id}`);
  await page.getByTestId('open-investigation').click();
  await expect(page).toHaveURL(/\/investigations\/new\?case_id=/);
  await expect(page.getByTestId('prefilled-link')).toHaveCount(1);
  const title = `Cocaine couriers ${tag}`;
  await page.getByLabel(field('Title')).fill(title);
  await pickOption(page, page, 'Priority', 'High');
  await page.getByLabel(field('Legal basis')).fill('Code des douanes, art. 414');
  await expectAccessible(page, 'the investigation form');
  await page.getByTestId('investigation-submit').click();
  await expect(page).toHaveURL(/\/investigations\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('investigation-status')).toHaveText('Opened');
  const id = page.url().split('/').pop() ?? '';

  // the lead and a member, named through the API (the pickers are unit-tested)
  let inv = await chiefApi.get<Investigation>(`/api/v1/investigations/${id}`);
  const res = await chiefApi.patch(`/api/v1/investigations/${id}`, { lead_id: leadId }, inv.version);
  expect(res.status(), await res.text()).toBe(200);
  await chiefApi.post(`/api/v1/investigations/${id}/members`, { user_id: memberId }, 200);
  await page.reload();
  await move(page, 'assigned', 'Lead named for the couriers network.');
  await expect(page.getByTestId('investigation-status')).toHaveText('Assigned');
  await expectAccessible(page, 'an assigned investigation');

  // ================= the lead starts work and adds the drugs templates
  page = await as(lead.username);
  await page.goto(`/investigations/${id}`);
  await move(page, 'in_progress', 'First requests sent.');
  await expect(page.getByTestId('investigation-status')).toHaveText('In progress');
  await page.getByTestId('tab-tasks').click();
  await page.getByTestId('add-template-tasks').click();
  const templates = page.getByTestId('template-tasks-dialog');
  await pickOption(page, templates, 'Offence type', 'Drug trafficking');
  await templates.getByTestId('template-tasks-submit').click();
  await expect(page.getByTestId('task-card')).toHaveCount(5);
  await expectAccessible(page, 'the task board');
  const tasks = await leadApi.get<{ items: Task[] }>(`/api/v1/investigations/${id}/tasks`);
  const interview = tasks.items.find((t) => t.title === 'Interview the courier');
  expect(interview).toBeDefined();
  const assigned = await leadApi.patch(`/api/v1/investigations/${id}/tasks/${interview?.id}`, { assignee_id: memberId }, interview?.version ?? 1);
  expect(assigned.status(), await assigned.text()).toBe(200);

  // ================= the member completes it and writes the journal
  page = await as(member.username);
  await page.goto(`/investigations/${id}?tab=tasks`);
  const card = page.locator(`[data-testid="task-card"][data-task="${interview?.id}"]`);
  await card.getByTestId('task-open').click();
  const taskDialog = page.getByTestId('task-dialog');
  await pickOption(page, taskDialog, 'Status', 'Done');
  await taskDialog.getByTestId('task-save').click();
  await expect(card).toHaveAttribute('data-status', 'done');
  await page.getByTestId('tab-journal').click();
  await page.getByTestId('journal-write').click();
  const journal = page.getByTestId('journal-dialog');
  await journal.getByLabel(field('What happened')).fill('Interviewed the courier with an interpreter; he names a recruiter.');
  // with a photo of the recruiter's note, uploaded at once and taken by the entry
  await journal
    .getByTestId('attachment-picker')
    .locator('input[type="file"]')
    .setInputFiles({ name: 'recruiter-note.png', mimeType: 'image/png', buffer: pngBytes(80, 60) });
  await expect(journal.getByTestId('upload-item')).toHaveAttribute('data-status', 'done');
  await journal.getByRole('button', { name: 'Write the entry' }).click();
  await expect(page.getByTestId('journal-entry')).toHaveCount(1);
  const entry = page.getByTestId('journal-entry').first();
  await expect(entry.getByTestId('message-attachment')).toContainText('recruiter-note.png');
  await expect(entry.getByRole('img', { name: 'Preview of recruiter-note.png' })).toBeVisible();
  await expectAccessible(page, 'the journal');

  // ================= another unit's investigator: it does not exist for them
  page = await as(outsider.username);
  await page.goto(`/investigations/${id}`);
  await expect(page.getByTestId('investigation-reference')).toHaveCount(0);
  await expect(page.getByText(/not found|does not exist/i).first()).toBeVisible();

  // ================= the supervisor closes it with the outcome
  page = chiefPage;
  await page.goto(`/investigations/${id}`);
  await move(page, 'closed', 'Sent to the prosecutor.', 'Prosecution');
  await expect(page.getByTestId('investigation-status')).toHaveText('Closed');
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-event').first()).toBeVisible();
  await expect(page.getByTestId('timeline-event').filter({ hasText: 'Sent to the prosecutor.' })).toHaveCount(1);
  await expectAccessible(page, 'the timeline');
  inv = await chiefApi.get<Investigation>(`/api/v1/investigations/${id}`);
  expect(inv.reference).toContain('-INV-');

  // ================= the report: the PDF downloads; the print view shows the persons and the seizure
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
  expect(download.suggestedFilename()).toBe(`${inv.reference}-report.pdf`);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  const [printView] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('report-print').click()]);
  await printView.waitForLoadState();
  await expect(printView.locator('h1')).toContainText(inv.reference);
  await expect(printView.locator('body')).toContainText(`COURIER${tag}, Ivan`);
  await expect(printView.locator('body')).toContainText(created.reference);
  await expect(printView.locator('body')).toContainText('Sent to the prosecutor.');
  await printView.close();
});
