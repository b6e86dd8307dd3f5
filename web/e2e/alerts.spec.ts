import type { Page } from '@playwright/test';
import { expect, expectAccessible, field, minimalCase, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * Alerts: an investigator's alert on a person, activated by a supervisor of the unit, is hit by
 * a person an officer of another office records in a case (the same passport). The investigator
 * finds the alert in the list and the hit in the queue, compares the subject and the record side
 * by side with the score explained, and confirms it; the officer sees on the case what to do and
 * whom to contact — never why. A supervisor writes an alert in the form and is told they cannot
 * activate their own.
 *
 * Every spec makes its own data (a fresh unit and users): no demo data is needed.
 */

interface AlertBody {
  id: string;
  reference: string;
  version: number;
  status: string;
}
interface HitBody {
  id: string;
  record_id: string;
  status: string;
}
interface CaseBody {
  id: string;
  reference: string;
  persons: { person: { id: string } }[];
}

/** `YYYY-MM-DD`, `months` from today (UTC, as the server counts days). */
function dayFromToday(months: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Waits for the server's worker to record the hit of `recordId` on the alert. */
async function waitForHit(api: UserApi, alertId: string, recordId: string): Promise<HitBody> {
  let found: HitBody | undefined;
  await expect
    .poll(
      async () => {
        const page = await api.get<{ items: HitBody[] }>(`/api/v1/alert-hits?alert_id=${alertId}&status=new`);
        found = page.items.find((h) => h.record_id === recordId);
        return found ? 'found' : 'not yet';
      },
      { message: 'the alert check records the hit', timeout: 45_000, intervals: [500, 1000, 2000] },
    )
    .toBe('found');
  if (!found) throw new Error('no hit');
  return found;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

test('an alert is hit by a case’s person: the owner reviews it side by side, the officer sees only what to do', async ({
  page,
  browser,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = uid('').toUpperCase();
  const digits = `${Date.now() % 1e10}`.padStart(10, '0');
  const passport = `ZX${digits}`;
  const family = `Vold${tag}`;
  const reason = `Courier of a network seen at three ports ${tag}`;
  const handling = `Do not alert the subject ${tag}`;

  const unitName = `Investigations ${tag}`;
  const unit = await adminApi.createUnit(`AI${tag}`, unitName);
  const office = await adminApi.createUnit(`AO${tag}`, `Airport office ${tag}`);
  const investigator = await adminApi.createUser(uid('inv'), unit.id, ['investigator']);
  const supervisor = await adminApi.createUser(uid('sup'), unit.id, ['supervisor']);
  const officer = await adminApi.createUser(uid('off'), office.id, ['officer']);

  const request = await playwright.request.newContext({ baseURL });
  const invApi = await UserApi.login(request, investigator.username);
  const supApi = await UserApi.login(request, supervisor.username);
  const offApi = await UserApi.login(request, officer.username);

  // ---- the investigator's alert on a person of the registers, activated by the unit's supervisor
  const subject = await invApi.post<{ id: string }>('/api/v1/persons', {
    family_name: family,
    given_names: 'Abdelkader',
    date_of_birth: '1979-11-07',
    nationalities: ['DZ'],
    documents: [{ document_type: 'passport', number: passport, issuing_country: 'DZ' }],
  });
  const draft = await invApi.post<AlertBody>('/api/v1/alerts', {
    subject_kind: 'person',
    person_id: subject.id,
    reason,
    risk_level: 'high',
    requested_action: 'discreet_check',
    handling_instructions: handling,
    valid_until: dayFromToday(6),
  });
  expect(draft.status).toBe('draft');
  const alert = await supApi.post<AlertBody>(`/api/v1/alerts/${draft.id}/activate`, undefined, 200, draft.version);
  expect(alert.status).toBe('active');

  // ---- an officer of another office records a case with a person carrying the same passport
  const kase = await offApi.post<CaseBody>(
    '/api/v1/seizures',
    minimalCase(`Terminal 2 ${tag}`, {
      persons: [
        {
          role: 'courier',
          person: {
            family_name: family,
            given_names: 'Abdel Kader',
            date_of_birth: '1979-11-07',
            phones: ['+33 6 12 34 56 78'],
            documents: [{ document_type: 'passport', number: passport, issuing_country: 'DZ' }],
          },
        },
      ],
    }),
  );
  const recordId = kase.persons[0]?.person.id ?? '';
  expect(recordId).not.toBe('');
  const hit = await waitForHit(invApi, alert.id, recordId);

  // ================= the investigator, owner of the alert
  await signInAs(page, investigator.username, PASSWORD);

  // ---- the alerts of the unit, from the navigation (its label may carry the count of new hits)
  await nav(page).getByRole('link', { name: /^Alerts/ }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  const table = page.getByTestId('alerts-table');
  const row = table.locator(`tr[data-reference="${alert.reference}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('alert-status')).toHaveText('Active');
  await expect(row.getByTestId('alert-risk')).toHaveText('High');
  await expect(row).toContainText('Discreet check');
  await expect(row).toContainText(`E2E ${investigator.username}`);
  await expect(row.getByTestId('alert-new-hits')).toHaveText(/^[1-9]\d*$/);

  // ---- filters go to the address
  const filters = page.getByTestId('alert-filters');
  await pickOption(page, filters, 'Status', 'Active');
  await filters.getByLabel('Only the alerts I own').check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=active/);
  await expect(page).toHaveURL(/mine=1/);
  await expect(row).toBeVisible();
  await expectAccessible(page, 'the alerts list');

  // ---- the hit queue: new hits by default
  await page.getByRole('link', { name: 'Hits to review', exact: true }).click();
  await expect(page).toHaveURL(/\/alerts\/hits$/);
  await expect(page.getByRole('heading', { name: 'Hits to review', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'New', exact: true })).toBeChecked();
  const hitRow = page.getByTestId('hits-table').locator(`tr[data-hit="${hit.id}"]`);
  await expect(hitRow).toBeVisible();
  await expect(hitRow.getByRole('link', { name: alert.reference, exact: true })).toHaveAttribute('href', `/alerts/${alert.id}`);
  await expect(hitRow.getByRole('link', { name: kase.reference, exact: true })).toHaveAttribute('href', `/seizures/${kase.id}`);
  await expect(hitRow.getByTestId('hit-score')).toContainText(/\d{1,3}%/);
  await expectAccessible(page, 'the hit queue');

  // ---- the hit: the subject and the record side by side
  await hitRow.getByTestId('hit-open').click();
  await expect(page).toHaveURL(new RegExp(`/alerts/hits/${hit.id}$`));
  await expect(page.getByRole('heading', { name: `Hit on ${alert.reference}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('hit-status')).toHaveText('New');
  const comparison = page.getByTestId('hit-comparison');
  await expect(comparison.getByRole('columnheader', { name: 'Alert subject' })).toBeVisible();
  await expect(comparison.getByRole('columnheader', { name: 'Record found' })).toBeVisible();
  const dob = comparison.locator('tr[data-field="date_of_birth"]');
  await expect(dob.getByRole('rowheader')).toContainText('Date of birth');
  await expect(dob).toHaveAttribute('data-same', 'true');
  await expect(dob.getByTestId('comparison-subject')).toHaveText('1979-11-07');
  await expect(dob.getByTestId('comparison-record')).toHaveText('1979-11-07');
  const given = comparison.locator('tr[data-field="given_names"]');
  await expect(given.getByRole('rowheader')).toContainText('Given names');
  await expect(given).toHaveAttribute('data-same', 'false');
  await expect(given.getByTestId('comparison-subject')).toHaveText('Abdelkader');
  await expect(given.getByTestId('comparison-record')).toHaveText('Abdel Kader');
  await expect(comparison.locator('tr[data-field="family_name"]').getByRole('rowheader')).toContainText('Family name');
  // on one side only
  await expect(comparison.locator('tr[data-field="phones"]').getByTestId('comparison-subject')).toHaveText('—');

  // ---- the score, rounded down to a whole percentage, and why
  await expect(page.getByTestId('hit-why').getByTestId('hit-score')).toHaveText(/^\d{1,3}%$/);
  const features = page.getByTestId('hit-explanation').getByTestId('hit-feature');
  await expect(features.filter({ hasText: 'Identity document' })).toHaveCount(1);
  await expect(features.filter({ hasText: 'Identity document' }).getByTestId('hit-contribution')).toHaveText(/^\+\d\.\d{2}$/);
  await expect(features.filter({ hasText: 'Date of birth' }).getByTestId('hit-contribution')).toHaveText(/^[+−]?\d\.\d{2}$/);

  // ---- links to the record, the alert and the case
  await expect(page.getByTestId('hit-record-link')).toHaveAttribute('href', `/registers/persons/${recordId}`);
  await expect(page.getByTestId('hit-alert-link')).toHaveAttribute('href', `/alerts/${alert.id}`);
  await expect(page.getByTestId('hit-cases').getByRole('link', { name: kase.reference, exact: true })).toHaveAttribute('href', `/seizures/${kase.id}`);
  await expectAccessible(page, 'a hit side by side with its explanation');

  // ---- confirmed, with a reason
  await page.getByTestId('hit-review').getByRole('button', { name: 'Confirm', exact: true }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirm this hit?' });
  await confirm.getByLabel(field('Reason (optional)')).fill(`Same passport ${tag}`);
  await expectAccessible(page, 'the confirm dialog');
  await confirm.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('hit-status')).toHaveText('Confirmed');
  await expect(page.getByTestId('hit-reviewed')).toContainText(`Confirmed by E2E ${investigator.username}`);
  await expect(page.getByTestId('hit-review')).toHaveCount(0);

  // ---- the alert's page: the reason (for the unit), who activated it, its hits
  await page.getByTestId('hit-alert-link').click();
  await expect(page).toHaveURL(new RegExp(`/alerts/${alert.id}$`));
  await expect(page.getByTestId('alert-reference')).toHaveText(alert.reference);
  await expect(page.getByTestId('alert-reason')).toHaveText(reason);
  await expect(page.getByTestId('alert-activated')).toContainText(`E2E ${supervisor.username}`);
  await expect(page.getByTestId('alert-hit-counts')).toContainText(/confirmed: [1-9]/);
  await page.locator('label', { hasText: 'Confirmed' }).click();
  await expect(page.getByTestId('hits-table').locator(`tr[data-hit="${hit.id}"]`)).toBeVisible();
  // the owner may withdraw it, not activate or renew it
  await expect(page.getByRole('button', { name: 'Withdraw', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Renew', exact: true })).toHaveCount(0);
  await expectAccessible(page, 'an alert with its hits');

  // ================= the officer who recorded the case: what to do and whom to contact
  const offContext = await browser.newContext();
  const offPage = await offContext.newPage();
  await signInAs(offPage, officer.username, PASSWORD);
  await offPage.goto(`/seizures/${kase.id}`);
  await expect(offPage.getByTestId('case-reference')).toHaveText(kase.reference);
  const notice = offPage.getByTestId('alert-notice').filter({ hasText: alert.reference });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(`Alert ${alert.reference}`);
  await expect(notice).toContainText(`matches alert ${alert.reference}. Requested action: Discreet check.`);
  await expect(notice.getByTestId('alert-notice-handling')).toHaveText(handling);
  await expect(notice).toContainText(`Contact E2E ${investigator.username} (${unitName}).`);
  // never the reason behind the alert
  await expect(offPage.getByText(reason)).toHaveCount(0);
  await expectAccessible(offPage, 'a case with an alert notice');
  await offContext.close();
  await request.dispose();
});

test('a supervisor writes an alert on an identifier, and may not activate their own', async ({ page, adminApi }) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const digits = `${Date.now() % 1e10}`.padStart(10, '0');
  const unit = await adminApi.createUnit(`AS${tag}`, `Targeting ${tag}`);
  const supervisor = await adminApi.createUser(uid('sup'), unit.id, ['supervisor']);

  await signInAs(page, supervisor.username, PASSWORD);
  await page.goto('/alerts');
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'New alert', exact: true }).click();
  await expect(page).toHaveURL(/\/alerts\/new$/);
  await expect(page.getByRole('heading', { name: 'New alert', level: 1 })).toBeVisible();

  const form = page.getByTestId('alert-form');
  // valid from today for six months by default
  await expect(form.getByLabel(field('Valid from'))).not.toHaveValue('');
  await expect(form.getByLabel(field('Valid until'))).not.toHaveValue('');

  // ---- nothing filled in: each required field says so
  await form.getByRole('button', { name: 'Save the draft' }).click();
  await expect(page.getByTestId('form-invalid')).toBeVisible();
  await expect(page.getByTestId('form-error-summary')).toContainText('Reason');

  // ---- a bare identifier: an identity document number
  await form.locator('label', { hasText: /^Identifier$/ }).click();
  await expect(form.getByRole('radio', { name: 'Identifier' })).toBeChecked();
  await pickOption(page, form, 'Identifier kind', 'Identity document number');
  await form.getByRole('textbox', { name: field('Identifier') }).fill(`QW${digits}`);
  await form.getByLabel(field('Reason')).fill(`Forged passports series ${tag}`);
  await pickOption(page, form, 'Risk level', 'Critical');
  await pickOption(page, form, 'Requested action', 'Control');
  await form.getByLabel(field('Handling instructions')).fill('Check the passport under UV light.');
  await expectAccessible(page, 'the alert form');
  await form.getByRole('button', { name: 'Save the draft' }).click();

  // ---- a draft, which its writer may edit or withdraw but not activate
  await expect(page).toHaveURL(/\/alerts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('alert-reference')).toHaveText(/-ALR-\d{4}-/);
  await expect(page.getByTestId('alert-status')).toHaveText('Draft');
  await expect(page.getByTestId('alert-risk')).toHaveText('Critical');
  await expect(page.getByTestId('alert-subject')).toHaveText(`QW${digits}`);
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Activate', exact: true })).toBeDisabled();
  await expect(page.getByTestId('own-alert-note')).toHaveText(
    'You wrote or own this alert: another supervisor of your unit must activate or renew it.',
  );
  await expectAccessible(page, 'a draft alert');
});
