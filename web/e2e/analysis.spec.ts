import { readFileSync } from 'node:fs';
import { expect, expectAccessible, minimalCase, signInAs, test, uid, UserApi, PASSWORD } from './support';

/**
 * Link analysis, as an analyst works it: two cases name the same courier and the same
 * importer; from the courier's record, open the graph, see both cases, expand a case to reach
 * the importer, find the chain between the two cases, and export the graph as GraphML.
 *
 * The spec makes its own data (a unit, users, a person, a company and cases unique to the run).
 */

interface Submitted {
  id: string;
  reference: string;
}

test('an analyst follows a courier across two cases in the link graph and exports it', async ({ page, adminApi, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uid('').toUpperCase();
  const unit = await adminApi.createUnit(`LA${tag}`, `Analysis unit ${tag}`);
  const officer = await adminApi.createUser(uid('officer'), unit.id, ['officer']);
  const analyst = await adminApi.createUser(uid('analyst'), unit.id, ['analyst']);
  const request = await playwright.request.newContext({ baseURL });
  const api = await UserApi.login(request, officer.username);

  const courier = await api.post('/api/v1/persons', { family_name: `Courier${tag}`, given_names: 'Ana', nationalities: ['ES'] });
  const importer = await api.post('/api/v1/companies', { name: `Link Trading ${tag}`, country: 'FR' });
  const submit = async (place: string) => {
    const kase = await api.post<{ id: string; version: number }>(
      '/api/v1/seizures',
      minimalCase(place, {
        persons: [{ role: 'courier', person_id: courier.id }],
        companies: [{ role: 'importer', company_id: importer.id }],
      }),
    );
    return api.post<Submitted>(`/api/v1/seizures/${kase.id}/submit`, {}, 200, kase.version);
  };
  const caseA = await submit(`Quay A ${tag}`);
  const caseB = await submit(`Quay B ${tag}`);

  // from the courier's record to the graph
  await signInAs(page, analyst.username, PASSWORD);
  await page.goto(`/registers/persons/${courier.id}`);
  await page.getByRole('link', { name: 'Open in link analysis' }).click();
  await expect(page).toHaveURL(new RegExp(`/analysis/graph\\?node=person%3A${courier.id}`));
  await expect(page.getByRole('heading', { name: 'Link analysis', level: 1 })).toBeVisible();
  const nodes = page.getByTestId('analysis-nodes');
  await expect(nodes).toContainText(`COURIER${tag}`, { ignoreCase: true });
  await expect(nodes).toContainText(caseA.reference);
  await expect(nodes).toContainText(caseB.reference);
  await expect(page.getByTestId('analysis-graph')).toHaveAttribute('data-status', 'ready');
  // the courier is named in both cases, as a courier
  const edges = page.getByTestId('analysis-edges');
  await expect(edges.getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('analysis-legend')).toContainText('Conveyance');
  await expectAccessible(page, 'the link-analysis page');

  // expand case A: the importer appears, once
  await nodes.getByRole('button', { name: caseA.reference }).click();
  const panel = page.getByTestId('analysis-node-panel');
  await expect(panel.getByTestId('analysis-node-label')).toHaveText(caseA.reference);
  await expect(panel.getByRole('link', { name: 'Open the record' })).toHaveAttribute('href', `/seizures/${caseA.id}`);
  await panel.getByRole('button', { name: 'Expand' }).click();
  await expect(nodes).toContainText(`Link Trading ${tag}`);
  await expect(nodes.locator(`tr[data-node="company:${importer.id}"]`)).toHaveCount(1);
  await expect(nodes.locator(`tr[data-node="person:${courier.id}"]`)).toHaveCount(1);

  // the chain from case A to case B: through the courier (or the importer), two links
  await panel.getByRole('button', { name: 'Chain from here' }).click();
  await nodes.getByRole('button', { name: caseB.reference }).click();
  await panel.getByRole('button', { name: 'Chain to here' }).click();
  await page.getByTestId('analysis-find-path').click();
  const result = page.getByTestId('analysis-path-result');
  await expect(result).toContainText('A chain of 2 links, highlighted in the graph:');
  const chain = page.getByTestId('analysis-path-chain').getByRole('listitem');
  await expect(chain).toHaveCount(3);
  await expect(chain.first()).toContainText(caseA.reference);
  await expect(chain.last()).toContainText(caseB.reference);
  await expect(nodes.getByText('on the chain')).toHaveCount(3);

  // the graph as GraphML, with both cases
  await page.getByTestId('analysis-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Graph (GraphML)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^link-analysis-.*-graph\.graphml$/);
  const graphml = readFileSync(await download.path(), 'utf8');
  expect(graphml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
  expect(graphml).toContain(`<node id="case:${caseA.id}">`);
  expect(graphml).toContain(`<node id="case:${caseB.id}">`);
  expect(graphml).toContain(`<data key="label">${caseB.reference}</data>`);
  expect(graphml).toContain(`<node id="company:${importer.id}">`);

  // and the nodes as CSV
  await page.getByTestId('analysis-export').click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Nodes (CSV)' }).click()]);
  const rows = readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, '').split('\r\n');
  expect(rows[0]).toBe('id,kind,label,detail,date,record_id');
  expect(rows.filter((r) => r.startsWith('case:'))).toHaveLength(2);

  // a case opens the graph too, started from it
  await page.goto(`/seizures/${caseB.id}`);
  await page.getByRole('link', { name: 'Open in link analysis' }).click();
  await expect(page).toHaveURL(new RegExp(`/analysis/graph\\?node=case%3A${caseB.id}`));
  await expect(nodes).toContainText(`Link Trading ${tag}`);
  await expect(nodes).not.toContainText(caseA.reference);
  await request.dispose();
});
