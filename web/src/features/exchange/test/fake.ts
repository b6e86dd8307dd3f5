/** A fake API and exchange data for the feature's tests. */
import type { RouteObject } from 'react-router';
import { vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me } from '@/api/types';
import { renderRoutes } from '@/test/render';
import type { Agreement, CenBatch, InboxPackage, NodeIdentity, OutboxPackage, Partner, ReceivedCaseDetail, ReceivedCaseSummary } from '../api/exchange';

export const LIAISON = ['units.read', 'codelists.read', 'seizures.read', 'registers.read', 'exchange.manage', 'exchange.request'];
/** An investigator: may ask for cases to be sent, not run the exchange. */
export const INVESTIGATOR = ['units.read', 'codelists.read', 'seizures.read', 'registers.read', 'exchange.request'];

export const KEY = '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c';
export const FINGERPRINT = '21FE 3171 2D2D 0D3A 50E3 33C8 9A0B 2D8B';

export const NODE: NodeIdentity = {
  country: 'FR',
  public_key: 'a'.repeat(64),
  fingerprint: 'AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111',
};

export const MA = '0193b000-0000-7000-8000-0000000000a1';
export const SN = '0193b000-0000-7000-8000-0000000000a2';

export function partner(over: Partial<Partner> = {}): Partner {
  return {
    id: MA,
    country: 'MA',
    name: 'Administration des douanes et impôts indirects',
    endpoint: 'https://ncen.douane.gov.ma',
    public_key: 'b'.repeat(64),
    fingerprint: '1234 5678 9ABC DEF0 1234 5678 9ABC DEF0',
    contact: 'Liaison desk, +212 5 37 00 00 00',
    status: 'active',
    confirmed_by: 'me',
    confirmed_by_name: 'Louise Liaison',
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z',
    version: 1,
    ...over,
  };
}

export function agreement(over: Partial<Agreement> = {}): Agreement {
  return {
    id: '0193b000-0000-7000-8000-0000000000b1',
    partner_id: MA,
    partner_name: 'Administration des douanes et impôts indirects',
    partner_country: 'MA',
    instrument: 'bilateral_cmaa',
    reference: 'FR-MA CMAA 2019',
    purposes: ['Prevention and investigation of customs offences'],
    scope: 'non_nominal',
    commodity_groups: [],
    valid_from: '2020-01-01',
    valid_until: null,
    notes: null,
    in_force: true,
    created_by: 'me',
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:00Z',
    version: 1,
    ...over,
  };
}

export function batch(over: Partial<CenBatch> = {}): CenBatch {
  return {
    id: '0193b000-0000-7000-8000-0000000000c1',
    created_at: '2026-03-02T09:00:00Z',
    created_by: 'me',
    created_by_name: 'Louise Liaison',
    cases: 12,
    content_sha256: 'f'.repeat(64),
    ...over,
  };
}

export const PACKAGE = '0193d000-0000-7000-8000-0000000000d1';
export const CASE_A = '0193c000-0000-7000-8000-000000000001';
export const CASE_B = '0193c000-0000-7000-8000-000000000003';

/** A package for Morocco, as a liaison officer's send leaves it: signed and waiting for its first attempt. */
export function outboxPackage(over: Partial<OutboxPackage> = {}): OutboxPackage {
  return {
    id: PACKAGE,
    kind: 'cases',
    withdraws: null,
    withdrawn_by: null,
    partner_id: MA,
    partner_name: 'Administration des douanes et impôts indirects',
    partner_country: 'MA',
    agreement_id: '0193b000-0000-7000-8000-0000000000b1',
    agreement_reference: 'FR-MA CMAA 2019',
    scope: 'non_nominal',
    case_ids: [CASE_A, CASE_B],
    case_references: ['FR-2026-000180', 'FR-2026-000190'],
    status: 'pending',
    note: null,
    requested_by: 'me',
    requested_by_name: 'Louise Liaison',
    approved_by: 'me',
    approved_by_name: 'Louise Liaison',
    decided_at: '2026-03-10T09:00:00Z',
    decline_reason: null,
    attempts: 0,
    next_attempt_at: '2026-03-10T09:00:00Z',
    last_error: null,
    sent_at: null,
    acknowledged_at: null,
    acknowledgement: null,
    acknowledgement_signature: null,
    body_sha256: 'e'.repeat(64),
    size: 2048,
    created_at: '2026-03-10T09:00:00Z',
    updated_at: '2026-03-10T09:00:00Z',
    version: 1,
    ...over,
  };
}

/** A package received from Morocco, waiting for review, with one case as it arrived. */
export function inboxPackage(over: Partial<InboxPackage> = {}): InboxPackage {
  return {
    id: '0193e000-0000-7000-8000-0000000000e1',
    kind: 'cases',
    withdraws: null,
    withdrawal: null,
    partner_id: MA,
    partner_name: 'Administration des douanes et impôts indirects',
    partner_country: 'MA',
    agreement_id: '0193b000-0000-7000-8000-0000000000b1',
    agreement_reference: 'MA-FR CMAA 2019',
    scope: 'non_nominal',
    cases: 1,
    case_references: ['MA-2026-000042'],
    created_at: '2026-03-11T08:00:00Z',
    sent_at: '2026-03-11T08:00:05Z',
    received_at: '2026-03-11T08:00:06Z',
    body_sha256: 'd'.repeat(64),
    size: 4096,
    status: 'received',
    reviewed_at: null,
    reviewed_by: null,
    version: 1,
    signature: 'a1'.repeat(64),
    documents: [
      {
        reference: 'MA-2026-000042',
        version: 3,
        document: {
          reference: 'MA-2026-000042',
          detection_methods: ['dog', 'xray'],
          goods: [{ commodity_group: 'drugs', quantity: 12.5, unit: 'kg' }],
          narrative: null,
        },
      } as unknown as Record<string, never>,
    ],
    ...over,
  };
}

/** SHA-256 of files a received case lists (the bytes are served under these names). */
export const PHOTO_SHA = '1a'.repeat(32);
export const PDF_SHA = '2b'.repeat(32);

/** An item of a received case document's `attachments`: a photo cleared for export, as a nominal package lists it. */
export function receivedAttachment(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '0193c100-0000-7000-8000-000000000001',
    kind: 'photo',
    media_type: 'image/jpeg',
    size_bytes: 245_760,
    sha256: PHOTO_SHA,
    width: 1024,
    height: 768,
    caption: 'Seal of container MSCU 123456-7',
    original_filename: 'seal.jpg',
    cleared_for_export: true,
    uploaded_at: '2026-03-09T23:00:00Z',
    ...over,
  };
}

export const RECEIVED_ID = '0193f000-0000-7000-8000-0000000000f1';
export const INBOX_ID = '0193e000-0000-7000-8000-0000000000e1';
export const PERSON_ID = '0193a000-0000-7000-8000-000000000101';

/** A case received from Morocco and imported, at its second version. */
export function receivedSummary(over: Partial<ReceivedCaseSummary> = {}): ReceivedCaseSummary {
  return {
    id: RECEIVED_ID,
    provenance: {
      partner_id: MA,
      partner_name: 'Administration des douanes et impôts indirects',
      partner_country: 'MA',
      package_id: INBOX_ID,
      received_at: '2026-03-11T08:00:06Z',
      original_reference: 'MA-2026-000042',
    },
    version: 2,
    scope: 'nominal',
    detected_at: '2026-03-09T22:15:00Z',
    commodity_groups: ['drugs'],
    imported_by: 'me',
    imported_by_name: 'Louise Liaison',
    imported_at: '2026-03-11T09:30:00Z',
    withdrawal: null,
    ...over,
  };
}

/** The same case as its page reads it: a courier with a possible match in the registers and an alert it may hit, two versions. */
export function receivedCase(over: Partial<ReceivedCaseDetail> = {}): ReceivedCaseDetail {
  const summary = receivedSummary();
  return {
    ...summary,
    document: {
      reference: 'MA-2026-000042',
      version: 2,
      detected_at: '2026-03-09T22:15:00Z',
      goods: [{ commodity_group: 'drugs', quantity: 12.5, unit: 'kg' }],
      persons: [{ role: 'courier', person: { family_name: 'Benali', given_names: 'Karim', date_of_birth: '1990-04-02', nationalities: ['MA'] } }],
    },
    parties: [
      {
        kind: 'person',
        position: 0,
        link: null,
        role: 'courier',
        label: 'BENALI, Karim (1990-04-02)',
        provenance: summary.provenance,
        candidates: [
          {
            kind: 'person',
            id: PERSON_ID,
            label: 'BENALI, Karim (1990-04-02)',
            score: 0.8756,
            band: 'hit',
            features: [
              { feature: 'name_tokens', detail: 'benali=benali (same)', contribution: 0.82 },
              { feature: 'date_of_birth', detail: '1990-04-02 = 1990-04-02', contribution: 0.1 },
            ],
          },
        ],
        alerts: [
          {
            alert_reference: 'AL-2026-0007',
            requested_action: 'discreet_check',
            handling_instructions: 'Do not question; photograph the documents.',
            contact: { id: 'u1', name: 'Marc Owner' },
            contact_unit: { id: 'n1', name: 'DNRED Paris' },
            score: 0.91,
          },
        ],
      },
      {
        kind: 'company',
        position: 1,
        link: null,
        role: 'consignee',
        label: 'Atlas Trading SARL (MA)',
        provenance: summary.provenance,
        candidates: [],
        alerts: [],
      },
    ],
    versions: [
      { version: 2, package_id: INBOX_ID, received_at: '2026-03-11T08:00:06Z', imported_at: '2026-03-11T09:30:00Z' },
      { version: 1, package_id: '0193e000-0000-7000-8000-0000000000e0', received_at: '2026-03-05T10:00:00Z', imported_at: '2026-03-05T11:00:00Z' },
    ],
    ...over,
  } as ReceivedCaseDetail;
}

const entry = (code: string, en: string, fr = en): CodeListEntry =>
  ({ code, labels: { en, fr, ar: en }, attributes: {}, retired: false, sort_order: 0 }) as CodeListEntry;

export const CODE_LISTS: Record<string, CodeListEntry[]> = {
  countries: [entry('FR', 'France'), entry('MA', 'Morocco', 'Maroc'), entry('SN', 'Senegal', 'Sénégal'), entry('EC', 'Ecuador', 'Équateur')],
  commodity_groups: [entry('drugs', 'Drugs', 'Stupéfiants'), entry('tobacco', 'Tobacco', 'Tabac')],
  commodity_types: [entry('cocaine', 'Cocaine', 'Cocaïne')],
  units_of_measure: [entry('kg', 'kg')],
  directions: [entry('import', 'Import')],
  person_roles: [entry('courier', 'Courier', 'Passeur')],
  company_roles: [entry('consignee', 'Consignee', 'Destinataire')],
};

export interface Call {
  method: string;
  path: string;
  ifMatch: string | null;
  idempotencyKey: string | null;
  body: unknown;
}

export interface Req {
  method: string;
  url: URL;
  body: unknown;
}

export const json = (b: unknown, status = 200) =>
  new Response(JSON.stringify(b), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

export const problem = (status: number, code: string, extra: object = {}) =>
  json({ type: 'about:blank', title: 'Problem', status, code, ...extra }, status);

/**
 * Replaces fetch: `handler` answers what it knows (undefined: not its business), the code lists
 * and units are answered here, anything else is a 404. Every call is recorded.
 */
export function stubApi(handler: (req: Req) => Response | undefined | Promise<Response | undefined>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      const text = request.method === 'GET' ? '' : await request.text();
      const body = text ? (JSON.parse(text) as unknown) : null;
      calls.push({
        method: request.method,
        path: url.pathname + url.search,
        ifMatch: request.headers.get('If-Match'),
        idempotencyKey: request.headers.get('Idempotency-Key'),
        body,
      });
      const answer = await handler({ method: request.method, url, body });
      if (answer) return answer;
      if (url.pathname.startsWith('/api/v1/codelists/')) {
        const name = url.pathname.split('/').pop() ?? '';
        return json({ name, description: '', entries: CODE_LISTS[name] ?? [] });
      }
      if (url.pathname === '/api/v1/units') return json({ items: [] });
      return problem(404, 'not_found');
    }),
  );
  return calls;
}

/** Renders `routes` at `path` for a signed-in user holding `permissions` (a liaison officer by default). */
export function renderAs(routes: RouteObject[], path: string, permissions = LIAISON) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(meQuery.queryKey, { id: 'me', username: 'liaison', roles: ['liaison'], permissions } as unknown as Me);
  return renderRoutes(routes, path, client);
}

/** Mantine's comboboxes wait for the fonts in jsdom. */
export function stubFonts() {
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
}
