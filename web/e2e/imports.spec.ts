import { expect, expectAccessible, signInAs, test, uid, PASSWORD } from './support';

/**
 * Bulk imports as a supervisor lives them (issue 18): a file of persons from an old system
 * (two good lines, one without a family name) is uploaded as a dry run; the report names the
 * bad line, its field and code, and foresees two creations; the supervisor commits it, watches
 * it finish with two persons created and one line rejected, and finds it in the history.
 */
test('a supervisor dry-runs a file of persons, reads the report, commits it and sees the counts', async ({ page, adminApi }) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`IM${tag}`, `Imports office ${tag}`);
  const supervisor = await adminApi.createUser(uid('sup'), unit.id, ['supervisor']);
  const lines = [
    { external_id: `${tag}-1`, family_name: `Imported${tag}`, given_names: 'Karim', nationalities: ['DZ'] },
    { external_id: `${tag}-2`, family_name: `Imported${tag}`, given_names: 'Chidi' },
    { external_id: `${tag}-3`, given_names: 'Nobody' },
  ];
  const file = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

  await signInAs(page, supervisor.username, PASSWORD);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Data imports' }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await expectAccessible(page, 'the imports page');

  // ---- a dry run: the report names the bad line
  const form = page.getByTestId('import-upload-form');
  await form.getByTestId('import-file').setInputFiles({ name: `persons-${tag}.ndjson`, mimeType: 'application/x-ndjson', buffer: file });
  await form.getByTestId('import-source-system').fill(`legacy-${tag}`);
  await expect(form.getByTestId('import-dry-run')).toBeChecked();
  await form.getByTestId('import-submit').click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });
  const counts = page.getByTestId('import-counts');
  await expect(counts.getByTestId('import-count-created')).toContainText('2');
  await expect(counts.getByTestId('import-count-rejected')).toContainText('1');
  const problem = page.getByTestId('import-problems').getByTestId('import-problem');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-line', '3');
  await expect(problem).toHaveAttribute('data-code', 'required');
  await expect(problem).toContainText('family_name');
  await expectAccessible(page, 'a dry run report');

  // ---- committed: two persons created, the bad line rejected
  const dryRun = page.url();
  await page.getByTestId('import-commit').click();
  await expect(page).not.toHaveURL(dryRun);
  await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });
  await expect(page.getByTestId('import-counts').getByTestId('import-count-created')).toContainText('2');
  await expectAccessible(page, 'a committed import');

  // ---- both in the history, newest first
  await page.goto('/imports');
  const rows = page.getByTestId('import-history').getByTestId('import-row');
  await expect(rows.filter({ hasText: `persons-${tag}.ndjson` })).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-status', 'succeeded');
});
