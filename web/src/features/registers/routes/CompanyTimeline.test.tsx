import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/i18n';
import '@/i18n/companies';
import type { CompanyTimeline, CompanyTimelineEvent } from '@/api/types';
import { ANALYST, json, renderCompany, type Call } from '../test/companyFixtures';

// Mantine's pickers and dialogs, in a jsdom that may share the machine with other work
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => {
  // jsdom has no FontFaceSet; Mantine's autosize textarea listens to it
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
});
afterEach(() => vi.unstubAllGlobals());

const TIMELINE = '/api/v1/companies/c1/timeline';
const PROFILE = '/api/v1/companies/c1/profile';
const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

const ev = (kind: CompanyTimelineEvent['kind'], id: string, over: Partial<CompanyTimelineEvent> = {}): CompanyTimelineEvent => ({
  kind,
  id,
  at: '2026-02-01T10:00:00Z',
  reference: null,
  title: null,
  detail: null,
  status: null,
  ...over,
});

const NEWEST: CompanyTimelineEvent[] = [
  ev('message', 'm1', { title: 'Watch Acme at the port', detail: 'warning', at: '2026-03-05T08:00:00Z' }),
  ev('alert_hit', 'a1', { reference: 'NL-AL-2026-000003', status: 'new', at: '2026-03-04T08:00:00Z' }),
  ev('alert', 'a1', { reference: 'NL-AL-2026-000003', detail: 'high', status: 'active', at: '2026-03-03T08:00:00Z' }),
  ev('investigation', 'i1', { reference: 'INV-2026-000001', title: 'Port fraud ring', detail: 'front', status: 'in_progress', at: '2026-03-02T08:00:00Z' }),
  ev('case', 's1', { reference: 'NL-2026-000001', detail: 'importer, consignee', status: 'validated', at: '2026-01-03T10:00:00Z' }),
];
const OLDER: CompanyTimelineEvent[] = [ev('case', 's0', { reference: 'NL-2025-000042', detail: 'importer', status: 'submitted', at: '2025-06-01T10:00:00Z' })];

const page = (items: CompanyTimelineEvent[], next: string | null, restricted = { investigations: 0, alerts: 0 }): CompanyTimeline => ({
  items,
  next_cursor: next,
  restricted,
});

/** The timeline in two pages (`older` the second's cursor), with `restricted` counts. */
const twoPages =
  (restricted = { investigations: 2, alerts: 1 }) =>
  (c: Call) => {
    if (c.path !== TIMELINE) return undefined;
    return json(c.query.cursor === 'older' ? page(OLDER, null, restricted) : page(NEWEST, 'older', restricted));
  };

describe('the company timeline', { timeout: 60_000 }, () => {
  it('lists what concerns the company, newest first, each row opening its record; read only when its tab opens', async () => {
    const { to } = renderCompany('/registers/companies/c1', { handler: twoPages() });
    await screen.findByRole('tab', { name: 'Timeline' });
    expect(to(TIMELINE)).toHaveLength(0);

    await userEvent.click(screen.getByRole('tab', { name: 'Timeline' }));
    const table = await screen.findByRole('table', { name: 'Timeline of the company' });
    expect(to(TIMELINE)[0]?.query).toEqual({ limit: '50' });
    // the timeline needs nothing of the profile: not read for it
    expect(to(PROFILE)).toHaveLength(0);

    const [message, hit, alert, investigation, kase] = rows(table);
    expect(cells(message!).slice(1)).toEqual(['Message', 'Watch Acme at the port', 'Warning', '—']);
    expect(cells(hit!).slice(1)).toEqual(['Alert hit', 'NL-AL-2026-000003', '—', 'New']);
    expect(cells(alert!).slice(1)).toEqual(['Alert', 'NL-AL-2026-000003', 'Risk: High', 'Active']);
    expect(cells(investigation!).slice(1)).toEqual(['Investigation', 'INV-2026-000001Port fraud ring', 'Front company', 'In progress']);
    // the company's roles in the case, by the code list (a code it does not know as sent)
    expect(cells(kase!).slice(1)).toEqual(['Case', 'NL-2026-000001', 'Importer, consignee', 'Validated']);
    // when, in the UI language's format
    const when = kase!.querySelector('time');
    expect(when).toHaveAttribute('dateTime', '2026-01-03T10:00:00Z');
    expect(when).toHaveTextContent(/Jan 3, 2026/);

    expect(within(message!).getByRole('link', { name: 'Watch Acme at the port' })).toHaveAttribute('href', '/messages/m1');
    expect(within(hit!).getByRole('link', { name: 'NL-AL-2026-000003' })).toHaveAttribute('href', '/alerts/a1');
    expect(within(alert!).getByRole('link', { name: 'NL-AL-2026-000003' })).toHaveAttribute('href', '/alerts/a1');
    expect(within(investigation!).getByRole('link', { name: 'INV-2026-000001' })).toHaveAttribute('href', '/investigations/i1');
    expect(within(kase!).getByRole('link', { name: 'NL-2026-000001' })).toHaveAttribute('href', '/seizures/s1');

    expect(screen.getByTestId('timeline-restricted')).toHaveTextContent(
      '2 investigations you are not on and 1 alert of another unit also concern this company.',
    );
    expect(screen.getByText('Each reading of these tabs is recorded in the audit trail.')).toBeInTheDocument();
  });

  it('loads older events with the next cursor, until there are none', async () => {
    const { to } = renderCompany('/registers/companies/c1?tab=timeline', { handler: twoPages() });
    const table = await screen.findByTestId('timeline-table');
    expect(rows(table)).toHaveLength(5);
    await userEvent.click(screen.getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(rows(screen.getByTestId('timeline-table'))).toHaveLength(6));
    expect(to(TIMELINE).map((c) => c.query)).toEqual([{ limit: '50' }, { limit: '50', cursor: 'older' }]);
    const last = rows(screen.getByTestId('timeline-table'))[5]!;
    expect(within(last).getByRole('link', { name: 'NL-2025-000042' })).toHaveAttribute('href', '/seizures/s0');
    expect(cells(last).slice(3)).toEqual(['Importer', 'Submitted']);
    expect(screen.queryByRole('button', { name: 'Load older' })).not.toBeInTheDocument();
  });

  it.each([
    [{ investigations: 1, alerts: 0 }, '1 investigation you are not on also concerns this company.'],
    [{ investigations: 0, alerts: 3 }, '3 alerts of other units also concern this company.'],
    [{ investigations: 1, alerts: 1 }, '1 investigation you are not on and 1 alert of another unit also concern this company.'],
  ])('counts what the reader may not see (%o)', async (restricted, sentence) => {
    renderCompany('/registers/companies/c1?tab=timeline', { handler: twoPages(restricted) });
    expect(await screen.findByTestId('timeline-restricted')).toHaveTextContent(sentence);
  });

  it('says the counts in French, with its plurals', async () => {
    const fr = i18n.getFixedT('fr', 'companies');
    expect(fr('timeline.restricted.investigations', { count: 1 })).toBe('1 enquête dont vous n’êtes pas membre');
    expect(fr('timeline.restricted.investigations', { count: 2 })).toBe('2 enquêtes dont vous n’êtes pas membre');
    expect(fr('timeline.restricted.alerts', { count: 1_000_000 })).toBe('1000000 d’alertes d’autres services');
  });

  it('says when nothing concerns the company, and counts nothing hidden', async () => {
    renderCompany('/registers/companies/c1?tab=timeline', { handler: (c) => (c.path === TIMELINE ? json(page([], null)) : undefined) });
    expect(await screen.findByText('Nothing you may see concerns this company yet: no case, investigation, alert or message.')).toBeInTheDocument();
    expect(screen.queryByTestId('timeline-table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('timeline-restricted')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load older' })).not.toBeInTheDocument();
  });

  it('shows an error with a retry when the timeline cannot be read', async () => {
    let fail = true;
    renderCompany('/registers/companies/c1?tab=timeline', {
      handler: (c) => {
        if (c.path !== TIMELINE) return undefined;
        if (fail) {
          fail = false;
          return json({ type: 'about:blank', title: 'Oops', status: 500, code: 'internal' }, 500, 'application/problem+json');
        }
        return json(page(NEWEST, null));
      },
    });
    const error = await screen.findByTestId('error-state');
    await userEvent.click(within(error).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('timeline-table')).toBeInTheDocument();
  });
});

describe('a typology against an investigation', { timeout: 60_000 }, () => {
  it('offers the investigations of the timeline next to the cases, and posts the one chosen', async () => {
    const { to } = renderCompany('/registers/companies/c1?tab=assessment', {
      permissions: ANALYST,
      handler: (c) => {
        if (c.path === TIMELINE)
          // linked in two roles: offered once
          return json(page([...NEWEST, ev('investigation', 'i1', { reference: 'INV-2026-000001', title: 'Port fraud ring', detail: 'suspect' })], null));
        if (c.path === '/api/v1/companies/c1/typologies' && c.method === 'POST')
          return json({ id: 't9', typology: 'phoenix', recorded_by: { id: 'u1', name: 'Me' }, recorded_at: '2026-01-07T00:00:00Z' }, 201);
      },
    });
    await screen.findByTestId('typologies-table');
    // the timeline is read for the dialog, not before
    expect(to(TIMELINE)).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Record typology' }));
    const form = await screen.findByTestId('add-typology-form');
    await userEvent.click(within(form).getByRole('combobox', { name: /^Typology/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Phoenix company' }));

    const against = await within(form).findByRole('combobox', { name: /^Case or investigation/ });
    await userEvent.click(against);
    const offered = await screen.findAllByRole('option');
    expect(offered.map((o) => o.textContent)).toEqual(['NL-2026-000001', 'NL-2026-000002', 'INV-2026-000001 – Port fraud ring']);
    const listbox = screen.getByRole('listbox');
    expect(listbox).toHaveTextContent(/^Cases.*Investigations/);
    await userEvent.click(offered[2]!);
    await userEvent.click(within(form).getByRole('button', { name: 'Record typology' }));
    await waitFor(() => expect(screen.queryByTestId('add-typology-form')).not.toBeInTheDocument());
    expect(to('/api/v1/companies/c1/typologies', 'POST')[0]?.body).toEqual({ typology: 'phoenix', investigation_id: 'i1', note: null });
    expect(to(TIMELINE)).toHaveLength(1);
  });

  it('words an investigation the server does not see linked, and one recorded already', async () => {
    let posts = 0;
    renderCompany('/registers/companies/c1?tab=assessment', {
      permissions: ANALYST,
      handler: (c) => {
        if (c.path === TIMELINE) return json(page(NEWEST, null));
        if (c.path === '/api/v1/companies/c1/typologies' && c.method === 'POST') {
          posts += 1;
          if (posts === 1)
            return json(
              {
                type: 'about:blank',
                title: 'Validation failed',
                status: 422,
                code: 'validation_failed',
                errors: [{ field: 'investigation_id', code: 'not_linked', message: 'no investigation of yours links this company' }],
              },
              422,
              'application/problem+json',
            );
          return json({ type: 'about:blank', title: 'Conflict', status: 409, code: 'already_recorded' }, 409, 'application/problem+json');
        }
      },
    });
    await screen.findByTestId('typologies-table');
    await userEvent.click(screen.getByRole('button', { name: 'Record typology' }));
    const form = await screen.findByTestId('add-typology-form');
    await userEvent.click(within(form).getByRole('button', { name: 'Record typology' }));
    expect(await within(form).findByText('Choose one of the company’s cases or investigations.')).toBeInTheDocument();

    await userEvent.click(within(form).getByRole('combobox', { name: /^Typology/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Undervaluation' }));
    await userEvent.click(within(form).getByRole('combobox', { name: /^Case or investigation/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'INV-2026-000001 – Port fraud ring' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Record typology' }));
    expect(await within(form).findByText('No investigation of yours links this company.')).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Record typology' }));
    expect(await within(form).findByText('This typology is already recorded against that investigation.')).toBeInTheDocument();
  });
});
