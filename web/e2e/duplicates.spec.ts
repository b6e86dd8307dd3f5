import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, field, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * Duplicates: an officer enters the same man twice (a typo in the family name, the passport
 * number written with a hyphen the second time). The server's worker queues the pair; a
 * supervisor finds it in the Duplicates queue, compares the two records side by side with the
 * engine's explanation, merges the right one into the left one with a reason, lands on the
 * survivor's page and sees the merge there (the merged record's id now shows the survivor), then
 * undoes it with a reason: both records are back.
 *
 * Every spec makes its own data (a fresh unit and users, names and a passport unique to the run):
 * no demo data is needed.
 */

interface RecordLabel {
  id: string;
  label: string;
}
interface Pair {
  id: string;
  kind: string;
  first: RecordLabel;
  second: RecordLabel;
  status: string;
  exact: boolean;
}
interface PersonBody {
  id: string;
  version: number;
}

/** Waits for the server's worker to queue the pair of `a` and `b` (open persons, best score first). */
async function waitForPair(api: UserApi, a: string, b: string): Promise<Pair> {
  let found: Pair | undefined;
  const isOurs = (p: Pair) => [p.first.id, p.second.id].sort().join() === [a, b].sort().join();
  await expect
    .poll(
      async () => {
        let cursor: string | null | undefined = null;
        for (let i = 0; i < 10 && !found; i++) {
          const query = `kind=person&status=open&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const page: { items: Pair[]; next_cursor?: string | null } = await api.get(`/api/v1/duplicates?${query}`);
          found = page.items.find(isOurs);
          cursor = page.next_cursor;
          if (!cursor) break;
        }
        return found ? 'found' : 'not yet';
      },
      { message: 'the duplicate check queues the pair', timeout: 45_000, intervals: [500, 1000, 2000] },
    )
    .toBe('found');
  if (!found) throw new Error('no pair');
  return found;
}

/** Loads more of the queue until `row` shows (the queue is ordered by score, not by date). */
async function showRow(page: Page, row: Locator) {
  const rows = page.getByTestId('duplicates-table').getByTestId('duplicate-row');
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < 20 && !(await row.isVisible()); i++) {
    const more = page.getByTestId('duplicates-more');
    if (!(await more.isVisible())) break;
    const before = await rows.count();
    await more.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(before);
  }
  await expect(row).toBeVisible();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

test('a supervisor merges a duplicate person from the queue, sees the merge on the survivor, and undoes it', async ({
  page,
  adminApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = uid('').toUpperCase();
  const digits = `${Date.now() % 1e8}`.padStart(8, '0');
  const passport = `A${digits}`;
  const typed = `A${digits.slice(0, 4)}-${digits.slice(4)}`;
  const mergeReason = `Same passport, typo in the family name ${tag}`;
  const undoReason = `Two brothers sharing a travel agent ${tag}`;

  const unit = await adminApi.createUnit(`DU${tag}`, `Duplicates office ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const supervisor = await adminApi.createUser(uid('sup'), unit.id, ['supervisor']);

  const request = await playwright.request.newContext({ baseURL });
  const offApi = await UserApi.login(request, officer.username);
  const supApi = await UserApi.login(request, supervisor.username);

  // ---- the same man entered twice
  const a = await offApi.post<PersonBody>('/api/v1/persons', {
    family_name: `Okonkwo${tag}`,
    given_names: 'Chinedu',
    date_of_birth: '1985-03-02',
    documents: [{ document_type: 'passport', number: passport, issuing_country: 'NG' }],
  });
  const b = await offApi.post<PersonBody>('/api/v1/persons', {
    family_name: `Okonkow${tag}`,
    given_names: 'Chinedu',
    documents: [{ document_type: 'passport', number: typed, issuing_country: 'NG' }],
  });
  const pair = await waitForPair(supApi, a.id, b.id);
  expect(pair.exact).toBe(true);
  // the queue shows the pair in a stable order: the first record on the left
  const leftId = pair.first.id;
  const rightId = pair.second.id;
  const nameOf = (id: string) => `${(id === a.id ? `Okonkwo${tag}` : `Okonkow${tag}`).toUpperCase()} Chinedu`;
  const leftName = nameOf(leftId);
  const rightName = nameOf(rightId);

  // ================= the supervisor
  await signInAs(page, supervisor.username, PASSWORD);

  // ---- the queue, from the navigation: open pairs by default, persons only on demand
  await nav(page).getByRole('link', { name: 'Duplicates' }).click();
  await expect(page).toHaveURL(/\/duplicates$/);
  await expect(page.getByRole('heading', { name: 'Duplicates', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'To review', exact: true })).toBeChecked();
  await page.getByTestId('duplicate-kind-filter').locator('label', { hasText: /^Persons$/ }).click();
  await expect(page).toHaveURL(/kind=person/);
  const row = page.getByTestId('duplicates-table').locator(`tr[data-pair="${pair.id}"]`);
  await showRow(page, row);
  await expect(row.getByRole('link', { name: pair.first.label, exact: true })).toHaveAttribute('href', `/registers/persons/${leftId}`);
  await expect(row.getByRole('link', { name: pair.second.label, exact: true })).toHaveAttribute('href', `/registers/persons/${rightId}`);
  await expect(row.getByTestId('pair-score')).toHaveText(/^\d{1,3}%$/);
  await expect(row.getByTestId('pair-exact')).toHaveText('Same identifier');
  await expect(row.getByTestId('pair-status')).toHaveText('To review');
  await expectAccessible(page, 'the duplicates queue');

  // ---- the pair: both records side by side
  await row.getByTestId('pair-open').click();
  await expect(page).toHaveURL(new RegExp(`/duplicates/${pair.id}$`));
  await expect(page.getByRole('heading', { name: 'Are these the same?', level: 1 })).toBeVisible();
  await expect(page.getByTestId('pair-status')).toHaveText('To review');
  const comparison = page.getByTestId('pair-comparison');
  await expect(comparison.getByTestId('record-link-left')).toHaveText(leftName);
  await expect(comparison.getByTestId('record-link-right')).toHaveText(rightName);
  const documents = comparison.locator('tr[data-field="documents"]');
  await expect(documents.getByRole('rowheader')).toContainText('Identity documents');
  await expect(documents).toHaveAttribute('data-state', 'same');
  await expect(comparison.locator('tr[data-field="family_name"]')).toHaveAttribute('data-state', 'different');
  await expect(comparison.locator('tr[data-field="given_names"]')).toHaveAttribute('data-state', 'same');
  // the date of birth was given once
  await expect(comparison.locator('tr[data-field="date_of_birth"]')).toHaveAttribute('data-state', 'one_side');

  // ---- why: the score and each piece of evidence
  const why = page.getByTestId('pair-why');
  await expect(why.getByRole('heading', { name: 'Why?' })).toBeVisible();
  await expect(why.getByTestId('pair-why-score')).toHaveText(/^\d{1,3}%$/);
  const features = why.getByTestId('pair-explanation').getByTestId('pair-feature');
  await expect(features.filter({ hasText: 'Identity document' })).toHaveCount(1);
  await expect(features.filter({ hasText: 'Identity document' }).getByTestId('pair-contribution')).toHaveText(/^\+\d\.\d{2}$/);
  await expectAccessible(page, 'a pair side by side with its explanation');

  // ---- merged into the left record, with a reason
  const mergeLeft = page.getByTestId('pair-review').getByRole('button', { name: 'Merge into left', exact: true });
  await expect(mergeLeft).toBeEnabled();
  await mergeLeft.click();
  const dialog = page.getByRole('dialog', { name: `Merge into ${leftName}?` });
  await expect(dialog.getByTestId('merge-summary')).toHaveText(`${rightName} will be merged into ${leftName}, which is kept.`);
  await expect(dialog.getByTestId('merge-consequences')).toContainText('A supervisor can undo the merge');
  await dialog.getByLabel(field('Why they are the same')).fill(mergeReason);
  await expectAccessible(page, 'the merge dialog');
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();

  // ---- the survivor's page, with the merge
  await expect(page).toHaveURL(new RegExp(`/registers/persons/${leftId}$`));
  await expect(page.getByTestId('record-title')).toHaveText(leftName);
  await expect(page.getByTestId('merged-banner')).toHaveCount(0);
  const merges = page.getByRole('region', { name: 'Merges' });
  const entry = merges.getByTestId('merge-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-undone', 'false');
  await expect(entry.getByTestId('merge-survivor')).toHaveAttribute('href', `/registers/persons/${leftId}`);
  await expect(entry.getByTestId('merge-merged')).toHaveAttribute('href', `/registers/persons/${rightId}`);
  await expect(entry.getByTestId('merge-reason')).toHaveText(mergeReason);
  await expect(entry).toContainText(`Merged by E2E ${supervisor.username}`);
  await expect(page.getByTestId('record-history').locator('[data-action="merge"]')).toContainText('Merged with another record');
  await expectAccessible(page, 'the survivor with its merge');

  // ---- the merged record's id leads to the survivor
  await page.goto(`/registers/persons/${rightId}`);
  await expect(page.getByTestId('record-title')).toHaveText(leftName);
  await expect(page.getByTestId('merged-banner')).toHaveText(`This record was merged into ${leftName}; you are seeing the survivor.`);

  // ---- undone, with a reason
  await page.goto(`/registers/persons/${leftId}`);
  await expect(page.getByTestId('record-title')).toHaveText(leftName);
  await merges.getByTestId('merge-entry').getByRole('button', { name: 'Undo merge', exact: true }).click();
  const undo = page.getByRole('dialog', { name: 'Undo this merge?' });
  await undo.getByLabel(field('Why the merge is undone')).fill(undoReason);
  await expectAccessible(page, 'the undo dialog');
  await undo.getByRole('button', { name: 'Undo merge', exact: true }).click();
  await expect(undo).toHaveCount(0);
  await expect(entry).toHaveAttribute('data-undone', 'true');
  await expect(entry.getByTestId('merge-undone')).toHaveText('Undone');
  await expect(entry.getByTestId('merge-undo-reason')).toHaveText(undoReason);
  await expect(entry.getByRole('button', { name: 'Undo merge' })).toHaveCount(0);

  // ---- both records are back
  await page.goto(`/registers/persons/${rightId}`);
  await expect(page.getByTestId('record-title')).toHaveText(rightName);
  await expect(page.getByTestId('merged-banner')).toHaveCount(0);
  await expectAccessible(page, 'the merged record, back on its own');
  await request.dispose();
});
