import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import type { FieldRule, Preview } from '../api/exchange';
import { INVESTIGATOR, MA, SN, agreement, json, outboxPackage, partner, problem, renderAs, stubApi, stubFonts, type Req } from '../test/fake';
import { PreviewPage } from './PreviewPage';

const CASE = '0193c000-0000-7000-8000-000000000001';
const DRAFT = '0193c000-0000-7000-8000-000000000002';
const OTHER = '0193c000-0000-7000-8000-000000000003';

const FIELDS: FieldRule[] = [
  { path: 'reference', class: 'non_nominal', sent: true },
  { path: 'created_by', class: 'local', sent: false },
  { path: 'narrative', class: 'nominal', sent: false },
  { path: 'detection_methods', class: 'non_nominal', sent: true },
  { path: 'goods[].commodity_group', class: 'non_nominal', sent: true },
  { path: 'goods[].quantity', class: 'non_nominal', sent: true },
  { path: 'goods[].description', class: 'nominal', sent: false },
  { path: 'persons[].person.family_name', class: 'nominal', sent: false },
];

const PREVIEW: Preview = {
  scope: 'non_nominal',
  agreement: agreement(),
  fields: FIELDS,
  documents: [
    {
      reference: 'FR-2026-000180',
      detection_methods: ['dog', 'xray'],
      goods: [
        { commodity_group: 'drugs', quantity: 2 },
        { commodity_group: 'tobacco', quantity: 1500 },
      ],
    } as unknown as Record<string, never>,
  ],
};

const CASES = {
  [CASE]: { id: CASE, reference: 'FR-2026-000180', status: 'validated' },
  [DRAFT]: { id: DRAFT, reference: 'FR-2026-000181', status: 'submitted' },
  [OTHER]: { id: OTHER, reference: 'FR-2026-000190', status: 'validated' },
} as const;

interface SendBody {
  partner_id: string;
  scope: string;
  case_ids: string[];
  note?: string | null;
}

function fakePreview(
  answer: (body: { partner_id: string; scope: string; case_ids: string[] }) => Response,
  { send = (b: SendBody) => json(outboxPackage({ case_ids: b.case_ids, scope: b.scope as 'non_nominal', note: b.note ?? null }), 201), partners = true } = {},
) {
  return (req: Req) => {
    const { pathname, searchParams } = req.url;
    if (pathname === '/api/v1/exchange/partners') {
      if (!partners) return problem(403, 'forbidden');
      return json({ items: [partner(), partner({ id: SN, name: 'Douanes sénégalaises', status: 'suspended', public_key: 'c'.repeat(64) })] });
    }
    if (pathname === '/api/v1/exchange/preview') return answer(req.body as { partner_id: string; scope: string; case_ids: string[] });
    if (pathname === '/api/v1/exchange/outbox' && req.method === 'POST') return send(req.body as SendBody);
    const m = /^\/api\/v1\/seizures\/([^/]+)$/.exec(pathname);
    if (m) {
      const c = CASES[m[1] as keyof typeof CASES];
      return c ? json({ ...c, goods: [], attachments: [] }) : problem(404, 'not_found');
    }
    if (pathname === '/api/v1/seizures') {
      const q = (searchParams.get('q') ?? '').toUpperCase();
      const items = Object.values(CASES).filter((c) => c.reference.includes(q) && (!searchParams.get('status') || c.status === searchParams.get('status')));
      return json({ items: items.map((c) => ({ ...c, detected_at: '2026-03-05T08:00:00Z', place: 'Quay 4' })), next_cursor: null });
    }
    return undefined;
  };
}

const ROUTES = [
  { path: '/exchange/preview', element: <PreviewPage /> },
  { path: '/exchange/agreements', element: <p>agreements page</p> },
  { path: '/exchange/outbox/:id', element: <p>outbox entry</p> },
];

async function choosePartner(name: string) {
  await userEvent.click(screen.getByRole('combobox', { name: /^Partner/ }));
  await userEvent.click(await screen.findByRole('option', { name }));
}

describe('the exchange preview', { timeout: 60_000 }, () => {
  beforeEach(() => {
    stubFonts();
    session.signedIn('tok', 900);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    session.reset();
  });

  it('shows, for a case given by the case page, the agreement and each field with what leaves and what is withheld', async () => {
    const calls = stubApi(fakePreview(() => json(PREVIEW)));
    renderAs(ROUTES, `/exchange/preview?case=${CASE}`);
    const chosen = await screen.findByTestId('chosen-cases');
    await waitFor(() => expect(chosen).toHaveTextContent('FR-2026-000180'));
    expect(chosen).toHaveTextContent('Validated');

    // only active partners are offered
    await userEvent.click(screen.getByRole('combobox', { name: /^Partner/ }));
    expect(await screen.findByRole('option', { name: 'Administration des douanes et impôts indirects' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Douanes sénégalaises' })).toBeNull();
    await userEvent.click(screen.getByRole('option', { name: 'Administration des douanes et impôts indirects' }));
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));

    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/v1/exchange/preview')?.body).toEqual({ partner_id: MA, scope: 'non_nominal', case_ids: [CASE] }),
    );
    const result = await screen.findByTestId('preview-result');
    const card = within(result).getByTestId('preview-agreement');
    expect(card).toHaveTextContent('The agreement this exchange rests on');
    expect(card).toHaveTextContent('FR-MA CMAA 2019');
    expect(card).toHaveTextContent('In force');

    const doc = within(result).getByTestId('preview-document');
    expect(within(doc).getByRole('heading', { name: 'Case FR-2026-000180' })).toBeInTheDocument();
    const table = within(doc).getByTestId('document-fields');
    const row = (path: string) => table.querySelector<HTMLElement>(`tr[data-path="${path}"]`)!;
    expect(row('reference')).toHaveAttribute('data-sent', 'true');
    expect(within(row('reference')).getByTestId('field-value')).toHaveTextContent('FR-2026-000180');
    expect(within(row('reference')).getByTestId('field-sent')).toHaveTextContent('Sent');
    expect(within(row('detection_methods')).getByTestId('field-value')).toHaveTextContent('dog, xray');
    // each goods item's fields, by their place in the document
    expect(within(row('goods[0].quantity')).getByTestId('field-value')).toHaveTextContent('2');
    expect(within(row('goods[1].quantity')).getByTestId('field-value')).toHaveTextContent('1500');
    expect(within(row('goods[1].commodity_group')).getByTestId('field-value')).toHaveTextContent('tobacco');
    // withheld: visibly marked as not leaving, with their class
    for (const path of ['narrative', 'created_by', 'goods[0].description', 'goods[1].description', 'persons[].person.family_name']) {
      expect(row(path), path).toHaveAttribute('data-sent', 'false');
      expect(within(row(path)).getByTestId('field-value')).toHaveTextContent('Withheld: does not leave this node');
      expect(within(row(path)).getByTestId('field-sent')).toHaveTextContent('Not sent');
    }
    expect(row('narrative')).toHaveTextContent('Nominal');
    expect(row('created_by')).toHaveTextContent('Local');
    expect(within(doc).getByTestId('document-counts')).toHaveTextContent('6 fields with a value leave; 5 are withheld.');

    // only what is withheld
    await userEvent.click(within(doc).getByText('Withheld'));
    expect(within(table).getAllByRole('row').slice(1).every((r) => r.getAttribute('data-sent') === 'false')).toBe(true);

    // the document itself
    await userEvent.click(within(doc).getByRole('tab', { name: 'JSON as it would leave' }));
    const raw = within(doc).getByTestId('document-json');
    expect(JSON.parse(raw.textContent ?? '')).toEqual(PREVIEW.documents[0]);
  });

  it('says clearly when no agreement in force covers the exchange, with the server’s reason', async () => {
    stubApi(
      fakePreview(() =>
        problem(409, 'no_agreement', {
          detail: 'no agreement in force with Administration des douanes et impôts indirects covers this exchange (scope nominal, commodity groups drugs)',
        }),
      ),
    );
    renderAs(ROUTES, `/exchange/preview?case=${CASE}&partner=${MA}&scope=nominal`);
    await waitFor(() => expect(screen.getByTestId('chosen-cases')).toHaveTextContent('FR-2026-000180'));
    expect(screen.getByRole('radio', { name: 'Nominal' })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const alert = await screen.findByTestId('no-agreement');
    expect(alert).toHaveTextContent('No agreement in force covers this exchange');
    expect(within(alert).getByTestId('no-agreement-detail')).toHaveTextContent(
      'no agreement in force with Administration des douanes et impôts indirects covers this exchange (scope nominal, commodity groups drugs)',
    );
    expect(within(alert).getByRole('link', { name: 'Go to the partner’s agreements' })).toHaveAttribute('href', `/exchange/agreements?partner=${MA}`);
    expect(screen.queryByTestId('preview-result')).toBeNull();
  });

  it('adds pasted references, leaves out those not validated, and marks a case the server refuses', async () => {
    const calls = stubApi(
      fakePreview((body) =>
        problem(422, 'validation_failed', {
          errors: [{ field: `case_ids[${body.case_ids.indexOf(OTHER)}]`, code: 'not_validated', message: 'only validated cases are exchanged' }],
        }),
      ),
    );
    renderAs(ROUTES, `/exchange/preview?partner=${MA}`);
    // nothing chosen: said before anything is sent
    await userEvent.click(await screen.findByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('Choose at least one validated case.')).toBeInTheDocument();

    await userEvent.type(screen.getByRole('textbox', { name: /^Or paste case references or ids/ }), `fr-2026-000180, FR-2026-000181 FR-2026-999999 ${OTHER}`);
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    const notes = await screen.findByTestId('case-notes');
    expect(notes).toHaveTextContent('No case found for: FR-2026-999999');
    expect(notes).toHaveTextContent('Not validated, so not added: FR-2026-000181');
    const chosen = screen.getByTestId('chosen-cases');
    expect(within(chosen).getAllByRole('listitem').map((li) => li.getAttribute('data-case-id'))).toEqual([CASE, OTHER]);

    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(calls.find((c) => c.path === '/api/v1/exchange/preview')?.body).toMatchObject({ case_ids: [CASE, OTHER] }));
    const refused = chosen.querySelector<HTMLElement>(`li[data-case-id="${OTHER}"]`)!;
    expect(await within(refused).findByTestId('case-error')).toHaveTextContent('Not validated: only validated cases are exchanged.');
    expect(screen.getByTestId('preview-invalid')).toBeInTheDocument();

    await userEvent.click(within(refused).getByRole('button', { name: 'Remove FR-2026-000190' }));
    expect(within(chosen).getAllByRole('listitem')).toHaveLength(1);
  });

  it('finds validated cases by reference', async () => {
    const calls = stubApi(fakePreview(() => json(PREVIEW)));
    renderAs(ROUTES, '/exchange/preview');
    await choosePartner('Administration des douanes et impôts indirects');
    await userEvent.type(screen.getByRole('combobox', { name: /^Find a validated case/ }), 'FR-2026-00019');
    await userEvent.click(await screen.findByRole('option', { name: /FR-2026-000190/ }));
    await waitFor(() => expect(screen.getByTestId('chosen-cases')).toHaveTextContent('FR-2026-000190'));
    expect(calls.some((c) => c.path.startsWith('/api/v1/seizures?') && c.path.includes('status=validated'))).toBe(true);
  });

  it('sends exactly what was previewed, with a note, and opens the package in the outbox', async () => {
    const calls = stubApi(fakePreview(() => json(PREVIEW)));
    renderAs(ROUTES, `/exchange/preview?case=${CASE}&partner=${MA}`);
    await waitFor(() => expect(screen.getByTestId('chosen-cases')).toHaveTextContent('FR-2026-000180'));
    // nothing to send before a preview
    expect(screen.queryByRole('button', { name: /^Send to/ })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const section = await screen.findByTestId('send-section');
    await userEvent.click(within(section).getByRole('button', { name: 'Send to Administration des douanes et impôts indirects' }));

    const dialog = await screen.findByRole('dialog', { name: 'Send to Administration des douanes et impôts indirects' });
    expect(within(dialog).getByTestId('send-cases')).toHaveTextContent('FR-2026-000180');
    expect(dialog).toHaveTextContent('FR-MA CMAA 2019');
    expect(within(dialog).getByTestId('send-direct')).toHaveTextContent('signed by this node and queued at once');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Joint operation Atlas');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));

    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/exchange/outbox')).toBeDefined());
    const sent = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/exchange/outbox')!;
    expect(sent.body).toEqual({ partner_id: MA, scope: 'non_nominal', case_ids: [CASE], note: 'Joint operation Atlas' });
    expect(sent.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(await screen.findByText('outbox entry')).toBeInTheDocument();
  });

  it('says in the dialog when the server finds no agreement or refuses a case', async () => {
    let answer = problem(409, 'no_agreement', { detail: 'no agreement in force covers this exchange' });
    stubApi(fakePreview(() => json(PREVIEW), { send: () => answer }));
    renderAs(ROUTES, `/exchange/preview?case=${CASE}&partner=${MA}`);
    await waitFor(() => expect(screen.getByTestId('chosen-cases')).toHaveTextContent('FR-2026-000180'));
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await userEvent.click(await screen.findByRole('button', { name: /^Send to/ }));
    const dialog = await screen.findByRole('dialog', { name: /^Send to/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    const refused = await within(dialog).findByTestId('send-no-agreement');
    expect(refused).toHaveTextContent('No agreement in force covers this exchange');
    expect(refused).toHaveTextContent('no agreement in force covers this exchange');
    expect(within(refused).getByRole('link', { name: 'Go to the partner’s agreements' })).toHaveAttribute('href', `/exchange/agreements?partner=${MA}`);

    answer = problem(422, 'validation_failed', { errors: [{ field: 'case_ids[0]', code: 'not_validated', message: 'reopened' }] });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    expect(await within(dialog).findByTestId('send-invalid')).toHaveTextContent('FR-2026-000180: Not validated: only validated cases are exchanged.');
    expect(screen.queryByText('outbox entry')).toBeNull();
  });

  it('gives an investigator the request form, not the preview, and says a liaison officer must approve', async () => {
    const calls = stubApi(fakePreview(() => json(PREVIEW), { send: (b) => json(outboxPackage({ case_ids: b.case_ids, status: 'awaiting_approval', approved_by: null, approved_by_name: null }), 201) }));
    renderAs(ROUTES, `/exchange/preview?case=${CASE}`, INVESTIGATOR);
    expect(await screen.findByRole('heading', { name: 'Request sending', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('chosen-cases')).toHaveTextContent('FR-2026-000180'));
    expect(screen.queryByRole('button', { name: 'Preview' })).toBeNull();
    // the page's links: no partners, agreements, inbox nor CEN export for an investigator
    const pages = screen.getByTestId('exchange-pages');
    expect(within(pages).getAllByRole('link').map((l) => l.textContent)).toEqual(['Request sending', 'Outbox']);

    const form = screen.getByTestId('request-form');
    await userEvent.click(within(form).getByRole('button', { name: 'Request sending' }));
    expect(await screen.findByText('Choose a partner.')).toBeInTheDocument();
    await choosePartner('Administration des douanes et impôts indirects');
    await userEvent.click(screen.getByRole('radio', { name: 'Nominal' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Request sending' }));

    const dialog = await screen.findByRole('dialog', { name: 'Request sending to Administration des douanes et impôts indirects' });
    expect(within(dialog).getByTestId('send-four-eyes')).toHaveTextContent('A liaison officer must approve your request before anything leaves');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Courier network');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Request sending' }));
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST' && c.path === '/api/v1/exchange/outbox')?.body).toEqual({
        partner_id: MA,
        scope: 'nominal',
        case_ids: [CASE],
        note: 'Courier network',
      }),
    );
    expect(await screen.findByText('outbox entry')).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/v1/exchange/preview')).toBe(false);
  });

  it('shows an investigator no request form when the partners cannot be listed', async () => {
    stubApi(fakePreview(() => json(PREVIEW), { partners: false }));
    renderAs(ROUTES, `/exchange/preview?case=${CASE}`, INVESTIGATOR);
    expect(await screen.findByTestId('request-unavailable')).toHaveTextContent('Your account cannot list the partner administrations');
    expect(screen.queryByTestId('request-form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Request sending' })).toBeNull();
  });
});
