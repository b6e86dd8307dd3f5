import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const ADMIN = { username: 'admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'correct-horse-battery' };
export const PASSWORD = 'e2e-Password-0123456789';

/** Matches a form field's label exactly, whether or not it carries the "required" asterisk. */
export function field(label: string): RegExp {
  return new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
}

/** Unique suffix so specs never depend on each other's data. */
export function uid(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Fails on serious or critical axe-core violations on the current page, once no region is
 * busy: a list refetching after a filter change shows its previous rows dimmed
 * (`aria-busy`), whose washed-out colours are not what a reader is left with.
 */
export async function expectAccessible(page: Page, context: string) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`).join('\n'),
  );
  expect(report, `accessibility violations on ${context}`).toEqual([]);
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel(field('Username')).fill(username);
  await page.getByLabel(field('Password')).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAs(page: Page, username: string, password: string) {
  await signIn(page, username, password);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** A small admin client over the API, for setting up data a spec is not about. */
export class AdminApi {
  private token = '';
  constructor(private request: APIRequestContext) {}

  async login() {
    const res = await this.request.post('/api/v1/auth/login', { data: ADMIN });
    expect(res.status(), await res.text()).toBe(200);
    this.token = (await res.json()).access_token;
    return this;
  }

  private headers(extra: Record<string, string> = {}) {
    return { Authorization: `Bearer ${this.token}`, ...extra };
  }

  async createUnit(code: string, name: string, parent_id: string | null = null) {
    const res = await this.request.post('/api/v1/units', { headers: this.headers(), data: { code, name, parent_id } });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string; name: string; code: string };
  }

  async createUser(username: string, unit_id: string, roles: string[], password = PASSWORD) {
    const res = await this.request.post('/api/v1/users', {
      headers: this.headers(),
      data: { username, display_name: `E2E ${username}`, unit_id, roles, password },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { id: string; username: string; version: number };
  }

  async setDisabled(id: string, disabled: boolean) {
    const get = await this.request.get(`/api/v1/users/${id}`, { headers: this.headers() });
    const user = await get.json();
    const res = await this.request.patch(`/api/v1/users/${id}`, {
      headers: this.headers({ 'If-Match': `"${user.version}"` }),
      data: { disabled },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
}

/** A client over the API signed in as any user (e.g. to create a register record a spec then uses). */
export class UserApi {
  private constructor(
    private request: APIRequestContext,
    private token: string,
  ) {}

  static async login(request: APIRequestContext, username: string, password = PASSWORD) {
    const res = await request.post('/api/v1/auth/login', { data: { username, password } });
    expect(res.status(), await res.text()).toBe(200);
    return new UserApi(request, (await res.json()).access_token);
  }

  headers(extra: Record<string, string> = {}) {
    return { Authorization: `Bearer ${this.token}`, ...extra };
  }

  /** POST; `version` is sent as `If-Match` (status changes such as `/submit`). */
  async post<T = { id: string }>(path: string, data: unknown, status = 201, version?: number): Promise<T> {
    const headers = this.headers(version === undefined ? {} : { 'If-Match': `"${version}"` });
    const res = await this.request.post(path, { headers, data });
    expect(res.status(), await res.text()).toBe(status);
    return (await res.json()) as T;
  }

  async get<T = unknown>(path: string): Promise<T> {
    const res = await this.request.get(path, { headers: this.headers() });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as T;
  }

  patch(path: string, data: unknown, version: number) {
    return this.request.patch(path, { headers: this.headers({ 'If-Match': `"${version}"` }), data });
  }
}

/** `datetime` an hour (or `hoursAgo`) in the past, as the API takes it. */
export function pastIso(hoursAgo = 1): string {
  return new Date(Date.now() - hoursAgo * 3600_000).toISOString();
}

/** A minimal case through the API (one goods item, a one-leg route), for specs about what follows. */
export function minimalCase(place: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'seizure',
    detected_at: pastIso(),
    place,
    goods: [{ commodity_group: 'drugs', quantity: 1, unit: 'kg' }],
    route: [{ position: 1, country: 'CO', role: 'origin' }],
    ...extra,
  };
}

/**
 * Picks an option of a Mantine Select/MultiSelect: opens it, types to search, clicks the option.
 * `scope` narrows the label lookup (e.g. one goods item's fieldset).
 */
export async function pickOption(page: Page, scope: Page | Locator, label: string, option: string, search = option) {
  const input = scope.getByLabel(field(label)).first();
  const choice = page.getByRole('option', { name: option, exact: true });
  // The list can close under the click (a re-render of the form, a slow option list): open it
  // again and retry rather than fail on a click another element intercepted.
  await expect(async () => {
    // a MultiSelect's option picked by an earlier try whose click was reported as failed:
    // clicking it again would take it back off
    if ((await choice.isVisible()) && (await choice.getAttribute('aria-selected')) === 'true') return;
    if (!(await choice.isVisible())) {
      await input.click();
      // searchable pickers take text; plain ones are read-only and just open
      if (await input.isEditable()) await input.fill(search);
    }
    await choice.click({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  // A MultiSelect stays open after a pick, and its list would cover the next field.
  const list = page.getByRole('listbox');
  if (await list.isVisible()) await page.keyboard.press('Escape');
}

export const test = base.extend<{ adminApi: AdminApi }>({
  adminApi: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({ baseURL });
    await use(await new AdminApi(request).login());
    await request.dispose();
  },
});

export { expect };
