import { expect, expectAccessible, field, PASSWORD, signInAs, test, uid, UserApi } from './support';

/** An ISO 6346 container number with its check digit (`wrong` gives a wrong one). */
function containerNumber(serial: string, wrong = false): string {
  const letterValue = (c: string) => {
    let v = 10;
    for (let code = 65; code <= 90; code++) {
      if (v % 11 === 0) v++;
      if (String.fromCharCode(code) === c) return v;
      v++;
    }
    return 0;
  };
  const body = `NCEU${serial}`;
  const sum = [...body].reduce((s, c, i) => s + (/\d/.test(c) ? Number(c) : letterValue(c)) * 2 ** i, 0);
  const check = (sum % 11) % 10;
  return `${body}${wrong ? (check + 1) % 10 : check}`;
}

/**
 * Screening a passenger list before a flight lands: three lines pasted as CSV, the passenger
 * the register holds in Arabic script comes back first as a hit, with why; the two lines that
 * match nothing (containers no register record carries) wait behind a toggle. A list with a
 * wrong container number is refused, the error shown at its line.
 */
test('a pasted list is screened: the hit comes first with why, the clear lines on demand', async ({ page, adminApi, request }) => {
  test.setTimeout(120_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`SB${tag}`, `Passenger unit ${tag}`);
  const officer = await adminApi.createUser(uid('off'), unit.id, ['officer']);
  const officerApi = await UserApi.login(request, officer.username);
  await officerApi.post('/api/v1/persons', {
    family_name: 'بن صالح',
    given_names: 'عبد القادر',
    date_of_birth: '1979-11-07',
  });
  const label = 'بن صالح, عبد القادر (1979-11-07)';
  // containers of this run only: no register record or alert carries them
  const serial = `${Date.now()}${Math.floor(Math.random() * 1000)}`.slice(-6);
  const other = String((Number(serial) + 1) % 1_000_000).padStart(6, '0');
  const csv = [
    'reference,name,date_of_birth,container',
    `1A-${tag},,,${containerNumber(serial)}`,
    `2B-${tag},Abdelkader Bensaleh,1979,`,
    `3C-${tag},,,${containerNumber(other)}`,
  ].join('\n');

  await signInAs(page, officer.username, PASSWORD);
  await page.goto('/screening');
  await expect(page.getByRole('heading', { name: 'Screening', level: 1 })).toBeVisible();

  // ---- the list mode, one tab away from the single check
  await page.getByRole('tab', { name: 'A list' }).click();
  await expect(page).toHaveURL(/\/screening\?mode=list$/);
  const form = page.getByTestId('batch-form');
  const list = form.getByRole('textbox', { name: field('List (CSV)') });
  await expect(list).toHaveAttribute('placeholder', /^reference,name,date_of_birth,document_number,container/);
  await expect(page.getByTestId('batch-audit-note')).toContainText('recorded in the audit trail');

  // ---- a container number with a wrong check digit: nothing is screened, the line is named
  await list.fill(`reference,container\nX-${tag},${containerNumber(serial, true)}`);
  await form.getByRole('button', { name: 'Screen list' }).click();
  const errors = page.getByTestId('batch-errors');
  await expect(errors).toBeVisible();
  // (the line then has nothing else to match: that is said too)
  await expect(errors.getByTestId('batch-error').filter({ hasText: 'container' })).toHaveText('Line 1 · container: The check digit does not match.');
  await expect(page.getByTestId('batch-results')).toHaveCount(0);

  // ---- the list pasted: three lines
  await list.fill(csv);
  await form.getByRole('button', { name: 'Screen list' }).click();
  const results = page.getByTestId('batch-results');
  await expect(results).toBeVisible();
  await expect(errors).toHaveCount(0);
  await expect(page.getByTestId('batch-answer')).toContainText('3 lines screened.');
  await expect(page.getByTestId('batch-count-hit')).toHaveText('1 hit');
  await expect(page.getByTestId('batch-count-review')).toHaveText('0 to review');
  await expect(page.getByTestId('batch-count-clear')).toHaveText('2 clear');
  // nothing of the list in the address
  expect(new URL(page.url()).search).toBe('?mode=list');

  // ---- the hit first (the list's second line), linked to the person as the register writes them
  const lines = results.getByTestId('batch-line');
  await expect(lines).toHaveCount(1);
  const hit = lines.first();
  await expect(hit).toHaveAttribute('data-line', '2');
  await expect(hit.getByTestId('batch-line-number')).toHaveText('2');
  await expect(hit).toContainText(`2B-${tag}`);
  await expect(hit.getByTestId('batch-outcome')).toHaveText('Hit');
  // the person of this run, or the same person recorded by an earlier run
  await expect(hit.getByTestId('batch-best').getByRole('link')).toHaveText(label);
  await expect(hit.getByTestId('batch-best').getByRole('link')).toHaveAttribute('href', /^\/registers\/persons\/[0-9a-f-]{36}$/);
  await expect(hit.getByTestId('batch-score')).toHaveText(/^\d{2,3}(\.\d)?%$/);

  // ---- why: the name compared across scripts, and the date of birth
  const why = hit.getByRole('button', { name: 'Why?' });
  await expect(why).toHaveAttribute('aria-expanded', 'false');
  await why.click();
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByTestId('batch-why');
  await expect(panel).toBeVisible();
  const features = panel.getByTestId('batch-candidate').first().getByTestId('screening-feature');
  await expect(features.filter({ hasText: /^Name \(/ }).first()).toBeVisible();
  await expect(features.filter({ hasText: 'Date of birth' })).toHaveCount(1);
  await expect(features.filter({ hasText: 'Date of birth' })).toContainText(/[+−]\d\.\d{2}$/);

  // ---- the clear lines, on demand, after the hit
  // (its label turns to "Hide…" once open: found by its test id)
  const toggle = page.getByTestId('batch-toggle-clear');
  await expect(toggle).toHaveText('Show 2 clear lines');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(1)).toHaveAttribute('data-line', '1');
  await expect(lines.nth(2)).toHaveAttribute('data-line', '3');
  await expect(lines.nth(1).getByTestId('batch-outcome')).toHaveText('Clear');
  await expect(lines.nth(2).getByTestId('batch-outcome')).toHaveText('Clear');

  await expectAccessible(page, 'screening a list, a hit and its explanation');
});
