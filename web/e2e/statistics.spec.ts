import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { AdminApi, expect, expectAccessible, minimalCase, PASSWORD, signInAs, test, uid, UserApi } from './support';

/**
 * The statistics page, as an analyst uses it: from the menu, the "Commodity trends" view (a
 * line chart over the months and a table), then "Top routes", the comparison with the
 * previous period and the year before, a reload of the shared address, and the CSV export.
 * Then the routes map: the route segments drawn as lines (one from Ecuador among them) and
 * listed in the top segments, the places of seizure as circles.
 *
 * It runs as the demo's national analyst (`ncu.analyst`, `ncen demo`: cases over the last
 * three years, so the last twelve months have some; its emerging route is cocaine straight
 * from Ecuador). No exact figure is asserted. On a server without the demo (a fresh e2e
 * database), the spec makes a unit, an officer's three submitted cases (one from Ecuador
 * through Spain to France, seized in Marseille) and an analyst of its own instead, and waits
 * until the statistics count them.
 */

const DEMO = { username: 'ncu.analyst', password: process.env.E2E_DEMO_PASSWORD ?? 'customs-demo-2026' };

async function analystAccount(request: APIRequestContext): Promise<{ username: string; password: string }> {
  const demo = await request.post('/api/v1/auth/login', { data: DEMO });
  if (demo.status() === 200) return DEMO;

  const admin = await new AdminApi(request).login();
  const tag = uid('').toUpperCase();
  const unit = await admin.createUnit(`ST${tag}`, `Statistics unit ${tag}`);
  const officer = await admin.createUser(uid('officer'), unit.id, ['officer']);
  const analyst = await admin.createUser(uid('analyst'), unit.id, ['analyst']);
  const api = await UserApi.login(request, officer.username);
  const route = [
    { position: 1, country: 'CO', role: 'origin' },
    { position: 2, country: 'FR', role: 'destination' },
  ];
  // cocaine from Ecuador through Spain to France, seized in Marseille: two segments and a place on the map
  const ecuador = [
    { position: 1, country: 'EC', role: 'origin' },
    { position: 2, country: 'ES', role: 'transit' },
    { position: 3, country: 'FR', role: 'destination' },
  ];
  for (const [n, group, legs, at] of [
    [1, 'drugs', route, {}],
    [2, 'tobacco', route, {}],
    [3, 'drugs', ecuador, { latitude: 43.3, longitude: 5.37 }],
  ] as const) {
    const kase = await api.post<{ id: string; version: number }>(
      '/api/v1/seizures',
      minimalCase(`Statistics ${n} ${tag}`, { route: legs, ...at, goods: [{ commodity_group: group, quantity: 2, unit: 'kg' }] }),
    );
    await api.post(`/api/v1/seizures/${kase.id}/submit`, {}, 200, kase.version);
  }
  // the statistics worker counts a submitted case within about a second. Other specs submit
  // cases at the same time, so a count proves nothing: wait until this spec's own Ecuador
  // segment is counted (the map and its tables draw from the same figures)
  const reader = await UserApi.login(request, analyst.username);
  await expect
    .poll(
      async () =>
        (await reader.get<{ rows: { keys: string[] }[] }>('/api/v1/stats/seizures?group=route_segment')).rows.some((r) => r.keys[0] === 'EC>ES'),
      { timeout: 20_000 },
    )
    .toBe(true);
  return { username: analyst.username, password: PASSWORD };
}

test('an analyst reads the seizure statistics: commodity trends, top routes compared, and exports them', async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const request = await playwright.request.newContext({ baseURL });
  const account = await analystAccount(request);
  await request.dispose();

  await signInAs(page, account.username, account.password);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Statistics' }).click();
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeVisible();

  const chart = page.getByTestId('stats-chart');
  const rows = page.getByTestId('stats-row');
  const table = page.getByTestId('stats-table');

  // ---- commodity trends: a line per commodity group over the months
  const presets = page.getByRole('group', { name: 'Ready-made views' });
  await presets.getByRole('link', { name: 'Commodity trends' }).click();
  await expect(page).toHaveURL(/group=period%2Ccommodity_group/);
  await expect(presets.getByRole('link', { name: 'Commodity trends' })).toHaveAttribute('aria-current', 'true');
  await expect(chart).toHaveAttribute('data-status', 'ready');
  await expect(chart).toHaveAttribute('data-type', 'line');
  await expect(chart).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Commodity group' })).toBeVisible();
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(page.getByTestId('stats-total')).toContainText('Total');
  await expectAccessible(page, 'the statistics page (commodity trends)');

  // ---- top routes: bars of the routes with the most cases
  await presets.getByRole('link', { name: 'Top routes' }).click();
  await expect(page).toHaveURL(/group=route(&|$)/);
  await expect(table.getByRole('columnheader', { name: 'Route' })).toBeVisible();
  await expect(chart).toHaveAttribute('data-type', 'bar');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().getByRole('cell').first()).toContainText(/→|Not recorded/);

  // ---- compared with the previous period and the year before
  // the switch is controlled by the URL: it turns on once the navigation is done
  const compare = page.getByRole('switch', { name: /^Compare/ });
  await compare.click();
  await expect(compare).toBeChecked();
  await expect(page).toHaveURL(/compare=true/);
  await expect(table.getByRole('columnheader', { name: 'Previous period', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'A year before', exact: true })).toBeVisible();
  await expect(page.getByTestId('stats-compare-ranges')).toBeVisible();
  await expectAccessible(page, 'the statistics page (top routes, compared)');

  // the address holds the view: a reload shows it again
  await page.reload();
  await expect(page.getByRole('switch', { name: /^Compare/ })).toBeChecked();
  await expect(presets.getByRole('link', { name: 'Top routes' })).toHaveAttribute('aria-current', 'true');
  await expect(table.getByRole('columnheader', { name: 'A year before', exact: true })).toBeVisible();

  // ---- the same table as CSV: a column per grouping and measure, the comparison, a total row
  const exports = page.getByRole('group', { name: 'Export this table' });
  const download = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const lines = (await readFile(await file.path(), 'utf8'))
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  expect(lines[0]).toMatch(/^"?route"?,"?cases"?,/);
  expect(lines[0]).toContain('cases_last_year');
  expect(lines.length).toBeGreaterThanOrEqual(3);
  expect(lines.at(-1)).toMatch(/^"?total"?,/);
  await expect(page.getByTestId('stats-export-error')).toHaveCount(0);
});

test('an analyst reads the routes map: segments as lines, one from Ecuador, and the top segments', async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const request = await playwright.request.newContext({ baseURL });
  const account = await analystAccount(request);
  await request.dispose();

  await signInAs(page, account.username, account.password);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Routes map' }).click();
  await expect(page).toHaveURL(/\/statistics\/map$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Routes map' })).toBeVisible();

  // the map is drawn from the country shapes shipped with the app: nothing from elsewhere
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL ?? '')) outside.push(r.url());
  });
  const map = page.getByTestId('routes-map');
  await expect(map).toBeVisible();
  await expect(page.getByTestId('map-land')).toHaveAttribute('d', /^M/);
  const fromEcuador = map.locator('[data-testid="map-segment"][data-segment^="EC>"]');
  await expect(fromEcuador.first()).toBeVisible();
  expect(await map.getByTestId('map-segment').count()).toBeGreaterThan(0);
  await expect(fromEcuador.first()).toHaveAccessibleName(/^Ecuador → .+\. Cases: \d+/);

  // pointing at a line (its arrowhead, on the line) shows its figures, and so does the keyboard's focus
  await fromEcuador.first().locator('polygon').hover();
  await expect(page.getByTestId('map-tooltip')).toContainText('Ecuador →');
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('map-tooltip')).toHaveCount(0);
  await fromEcuador.first().focus();
  await expect(page.getByTestId('map-tooltip')).toContainText('Ecuador →');

  // the top segments list it too (every segment, once all are shown)
  const segments = page.getByTestId('map-segments');
  const showAll = segments.getByRole('button', { name: /^Show all/ });
  if (await showAll.isVisible()) await showAll.click();
  const row = segments.locator('[data-testid="map-segments-row"][data-key^="EC>"]').first();
  await expect(row).toBeVisible();
  await expect(row.getByRole('rowheader')).toContainText(/^Ecuador → /);
  await expectAccessible(page, 'the routes map');

  // zoom, and back to the table with the same cases
  const svg = page.getByTestId('routes-map-svg');
  const before = await svg.getAttribute('viewBox');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(svg).not.toHaveAttribute('viewBox', before ?? '');
  await page.getByRole('radiogroup', { name: 'What the lines and circles show' }).getByText('Mass (kg)', { exact: true }).click();
  await expect(page).toHaveURL(/measure=kg/);
  await page.getByRole('group', { name: 'Views of the statistics' }).getByRole('link', { name: 'Table and chart' }).click();
  await expect(page).toHaveURL(/\/statistics\?measure=kg$/);
  await expect(page.getByTestId('stats-table')).toBeVisible();
  expect(outside).toEqual([]);
});
