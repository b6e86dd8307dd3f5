import { expect, expectAccessible, minimalCase, pickOption, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * The company database, as an analyst works it: from a seizure, open the importer; its director
 * is also the director of a dissolved company with two earlier cases; follow the network;
 * record a fraud typology against the seizure and watch the risk score and its explanation
 * change.
 *
 * The spec makes its own data (a unit, users, persons, companies and cases unique to the run).
 */

interface Risk {
  score: number;
  explanation: { factor: string; points: number }[];
}

test('an analyst follows a company from a seizure to its director, its network and its risk', async ({ page, adminApi, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`CO${tag}`, `Company unit ${tag}`);
  const officer = await adminApi.createUser(uid('officer'), unit.id, ['officer']);
  const analyst = await adminApi.createUser(uid('analyst'), unit.id, ['analyst']);
  const request = await playwright.request.newContext({ baseURL });
  const api = await UserApi.login(request, officer.username);

  const director = await api.post('/api/v1/persons', { family_name: `Director${tag}`, given_names: 'Paolo', nationalities: ['IT'] });
  const dissolved = await api.post('/api/v1/companies', {
    name: `Old Trading ${tag}`, country: 'FR', legal_form: 'fr_sas', status: 'dissolved', status_since: '2024-01-31',
    addresses: [{ kind: 'registered', street: `${tag} rue du Port`, postcode: '13002', city: 'Marseille', country: 'FR' }],
  });
  const live = await api.post('/api/v1/companies', {
    name: `New Trading ${tag}`, country: 'FR', legal_form: 'fr_sas', status: 'active',
    identifiers: [{ kind: 'vat', value: 'FR40303265045' }],
  });
  for (const c of [dissolved, live]) {
    await api.post(`/api/v1/companies/${c.id}/people`, { person_id: director.id, role: 'director' });
  }
  const submit = async (body: unknown) => {
    const kase = await api.post<{ id: string; version: number }>('/api/v1/seizures', body);
    return api.post<{ id: string; reference: string }>(`/api/v1/seizures/${kase.id}/submit`, {}, 200, kase.version);
  };
  for (const n of [1, 2]) {
    await submit(minimalCase(`Earlier ${n} ${tag}`, { companies: [{ role: 'importer', company_id: dissolved.id }] }));
  }
  const seizure = await submit(minimalCase(`Port ${tag}`, { companies: [{ role: 'importer', company_id: live.id }] }));
  const analystApi = await UserApi.login(request, analyst.username);
  const riskOf = (id: string) => analystApi.get<Risk>(`/api/v1/companies/${id}/risk`);
  // the risk worker scores the cases
  await expect.poll(async () => (await riskOf(live.id)).score, { timeout: 20_000 }).toBeGreaterThan(0);
  const before = await riskOf(live.id);

  // from the seizure to its importer
  await signInAs(page, analyst.username, PASSWORD);
  await page.goto(`/seizures/${seizure.id}`);
  await page.getByRole('link', { name: `New Trading ${tag}` }).first().click();
  await expect(page).toHaveURL(new RegExp(`/registers/companies/${live.id}`));

  // its director, also director of a dissolved company
  await page.getByTestId('tab-people').click();
  await expect(page.getByTestId('people-table')).toContainText(`DIRECTOR${tag}`);
  await page.getByTestId('tab-links').click();
  const shared = page.getByRole('link', { name: `Old Trading ${tag}` }).first();
  await expect(shared).toBeVisible();
  await expectAccessible(page, 'the company links tab');

  // the dissolved company and its two earlier cases
  await shared.click();
  await expect(page).toHaveURL(new RegExp(`/registers/companies/${dissolved.id}`));
  await expect(page.getByText(`Earlier 1 ${tag}`).or(page.getByText(/2 cases|2 affaires/)).first()).toBeVisible();
  await page.goBack();

  // its timeline: the seizure that named it
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-table')).toContainText(seizure.reference);
  await expectAccessible(page, 'the company timeline tab');

  // the network: the director and the dissolved company, one hop apart
  await page.getByTestId('tab-network').click();
  const nodes = page.getByTestId('network-nodes');
  await expect(nodes).toContainText(`Old Trading ${tag}`);
  await expect(nodes).toContainText(`DIRECTOR${tag}`);

  // a typology against the seizure: the score moves by its points and says why
  await page.getByTestId('tab-risk').click();
  await expect(page.getByTestId('risk-score')).toContainText(String(before.score));
  await page.getByTestId('tab-assessment').click();
  await page.getByRole('button', { name: 'Record typology' }).click();
  const form = page.getByTestId('add-typology-form');
  await pickOption(page, form, 'Typology', 'Undervaluation');
  await pickOption(page, form, 'Case', seizure.reference, seizure.reference);
  await form.getByRole('button', { name: 'Record typology' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('typologies-table')).toContainText('Undervaluation');
  const after = await riskOf(live.id);
  await page.getByTestId('tab-risk').click();
  await expect(page.getByTestId('risk-score')).toContainText(String(after.score));
  expect(after.score).toBe(before.score + 8);
  expect(after.explanation.map((c) => c.factor)).toContain('typologies');
  expect(after.explanation.reduce((s, c) => s + c.points, 0)).toBe(after.score);
  await expect(page.getByTestId('risk-table')).toContainText(/Typolog/);
  await expect(page.getByTestId('risk-total')).toContainText(String(after.score));
});
