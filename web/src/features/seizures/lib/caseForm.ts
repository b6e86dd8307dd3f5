/**
 * The case form's values, and their mapping to and from the API's `CaseInput` / `Case`.
 * Arrays are kept in display order; route positions are derived from it (1..n, contiguous).
 */
import type {
  AgeBand,
  Case,
  CaseInput,
  CaseKind,
  CitesAppendix,
  CompanyInput,
  ConveyanceInput,
  ConveyanceRole,
  Gender,
  IdentifierKind,
  PersonInput,
} from '@/api/types';
import { documentInput, emptyDocument, splitName, type DocumentValues } from '@/lib/persons';

export type Num = number | string;

export interface GoodsValues {
  key: string;
  commodity_group: string | null;
  commodity_type: string | null;
  hs_code: string;
  description: string;
  quantity: Num;
  unit: string | null;
  value: Num;
  currency: string | null;
  packaging: string;
  brand: string;
  species: string;
  cites_appendix: string | null;
  purity_percent: Num;
}

export interface LegValues {
  key: string;
  country: string | null;
  role: string | null;
  place: string;
  unlocode: string;
  departure_date: string;
  arrival_date: string;
}

export interface PersonValues {
  family_name: string;
  given_names: string;
  date_of_birth: string;
  gender: string | null;
  nationalities: string[];
  /** Identity documents (type, number, issuing country), so the new record needs no correction. */
  documents: DocumentValues[];
}

export interface CompanyValues {
  name: string;
  country: string | null;
  registration_number: string;
  eori: string;
}

export interface ConveyanceValues {
  conveyance_type: string | null;
  identifier_kind: string | null;
  identifier: string;
  country: string | null;
  name: string;
}

/** A link to an existing record (`*_id`, with a display `label`) or a new one (`person`/`company`/`conveyance`). */
export interface PersonLink {
  key: string;
  role: string | null;
  person_id: string | null;
  label: string;
  person: PersonValues | null;
}
export interface CompanyLink {
  key: string;
  role: string | null;
  company_id: string | null;
  label: string;
  company: CompanyValues | null;
}
export interface ConveyanceLink {
  key: string;
  role: string | null;
  conveyance_id: string | null;
  label: string;
  conveyance: ConveyanceValues | null;
}

export interface CaseFormValues {
  kind: CaseKind;
  detected_at: string;
  place: string;
  location_type: string | null;
  unlocode: string;
  country: string | null;
  latitude: Num;
  longitude: Num;
  direction: string | null;
  customs_procedure: string;
  declaration_reference: string;
  detection_methods: string[];
  concealment_method: string | null;
  concealment_description: string;
  narrative: string;
  summary_non_nominal: string;
  offender_nationality: string | null;
  offender_gender: string | null;
  offender_age_band: string | null;
  goods: GoodsValues[];
  route: LegValues[];
  persons: PersonLink[];
  companies: CompanyLink[];
  conveyances: ConveyanceLink[];
}

let seq = 0;
/** Stable React keys for list rows (never sent to the API). */
export function newKey(): string {
  seq += 1;
  return `k${seq}`;
}

/** A new goods item; `currency` is the one its value is most likely in (the national currency). */
export function emptyGoods(currency: string | null = null): GoodsValues {
  return {
    key: newKey(),
    commodity_group: null,
    commodity_type: null,
    hs_code: '',
    description: '',
    quantity: '',
    unit: null,
    value: '',
    currency,
    packaging: '',
    brand: '',
    species: '',
    cites_appendix: null,
    purity_percent: '',
  };
}

export function emptyLeg(): LegValues {
  return { key: newKey(), country: null, role: null, place: '', unlocode: '', departure_date: '', arrival_date: '' };
}

/**
 * A new person, named from what the officer typed in the search: "RESTREPO GÓMEZ Juan Carlos"
 * or "Restrepo Gómez, Juan Carlos" are taken apart (`splitName`), anything else is the family name.
 */
export function emptyPerson(name = ''): PersonValues {
  return { ...splitName(name), date_of_birth: '', gender: null, nationalities: [], documents: [] };
}
export function emptyCompany(name = ''): CompanyValues {
  return { name, country: null, registration_number: '', eori: '' };
}
export function emptyConveyance(identifier = ''): ConveyanceValues {
  return { conveyance_type: null, identifier_kind: null, identifier, country: null, name: '' };
}

export function emptyCase(): CaseFormValues {
  return {
    kind: 'seizure',
    detected_at: '',
    place: '',
    location_type: null,
    unlocode: '',
    country: null,
    latitude: '',
    longitude: '',
    direction: null,
    customs_procedure: '',
    declaration_reference: '',
    detection_methods: [],
    concealment_method: null,
    concealment_description: '',
    narrative: '',
    summary_non_nominal: '',
    offender_nationality: null,
    offender_gender: null,
    offender_age_band: null,
    goods: [emptyGoods()],
    route: [],
    persons: [],
    companies: [],
    conveyances: [],
  };
}

/** What the signed-in user's administration and office give a new case (`GET /me`). */
export interface CaseDefaultsSource {
  /** The administration's ISO 3166-1 alpha-2 code, `XX` when not configured. */
  country?: string | null;
  /** The administration's ISO 4217 currency. */
  currency?: string | null;
  /** The user's own unit as an office. */
  office?: {
    unit_name: string;
    location_type?: string | null;
    unlocode?: string | null;
    country?: string | null;
  } | null;
}

/**
 * A new case as the officer most often records it: detected now, at their own office, values
 * in the national currency. Every value stays editable.
 */
export function newCaseValues(me: CaseDefaultsSource | null | undefined, now: Date = new Date()): CaseFormValues {
  const v = emptyCase();
  const office = me?.office ?? null;
  // `XX`: the administration's country is not configured
  const known = (c: string | null | undefined) => (c && c !== 'XX' ? c : null);
  const national = known(me?.country);
  return {
    ...v,
    detected_at: isoToLocalInput(now.toISOString()),
    place: office?.unit_name ?? '',
    location_type: office?.location_type ?? null,
    unlocode: office?.unlocode ?? '',
    country: known(office?.country) ?? national,
    goods: [emptyGoods(me?.currency ?? null)],
  };
}

/**
 * Values read back from a saved draft, with fresh row keys (the keys it was saved with may
 * be handed out again by `newKey` in this page's life) and any missing field at its empty
 * value (a draft saved by an older version of the form).
 */
export function reviveDraft(saved: Partial<CaseFormValues>): CaseFormValues {
  const base = emptyCase();
  const rows = <T extends { key: string }>(list: unknown, empty: () => T): T[] =>
    Array.isArray(list) ? list.map((item) => ({ ...empty(), ...(item as Partial<T>), key: newKey() })) : [];
  // only the fields this form knows (a draft of an older form may carry others)
  const known = Object.fromEntries(Object.keys(base).filter((k) => k in saved).map((k) => [k, saved[k as keyof CaseFormValues]]));
  return {
    ...base,
    ...(known as Partial<CaseFormValues>),
    goods: rows(saved.goods, () => emptyGoods()),
    route: rows(saved.route, emptyLeg),
    persons: rows<PersonLink>(saved.persons, () => ({ key: '', role: null, person_id: null, label: '', person: null })).map(revivePerson),
    companies: rows<CompanyLink>(saved.companies, () => ({ key: '', role: null, company_id: null, label: '', company: null })),
    conveyances: rows<ConveyanceLink>(saved.conveyances, () => ({ key: '', role: null, conveyance_id: null, label: '', conveyance: null })),
  };
}

/** A draft's new person with every field (an older form kept no documents), its document rows keyed afresh. */
function revivePerson(l: PersonLink): PersonLink {
  if (!l.person) return l;
  const person: PersonValues = { ...emptyPerson(), ...l.person };
  const documents = Array.isArray(person.documents) ? person.documents : [];
  const rows = documents.map((d) => {
    const fresh = emptyDocument();
    return { ...fresh, ...d, key: fresh.key };
  });
  return { ...l, person: { ...person, documents: rows } };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** RFC 3339 → `datetime-local` input value, in the browser's time zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const s = (v: string | null | undefined) => v ?? '';
const n = (v: number | null | undefined): Num => (v === null || v === undefined ? '' : v);

export function personLabel(p: { family_name: string; given_names?: string | null; date_of_birth?: string | null }): string {
  const name = [p.family_name.toUpperCase(), p.given_names].filter(Boolean).join(' ');
  return p.date_of_birth ? `${name} (${p.date_of_birth})` : name;
}
export function companyLabel(c: { name: string; country?: string | null }): string {
  return c.country ? `${c.name} (${c.country})` : c.name;
}
export function conveyanceLabel(c: { identifier: string; name?: string | null }): string {
  return c.name ? `${c.identifier} — ${c.name}` : c.identifier;
}

export function caseToForm(c: Case): CaseFormValues {
  return {
    kind: c.kind,
    detected_at: isoToLocalInput(c.detected_at),
    place: s(c.place),
    location_type: c.location_type ?? null,
    unlocode: s(c.unlocode),
    country: c.country ?? null,
    latitude: n(c.latitude),
    longitude: n(c.longitude),
    direction: c.direction ?? null,
    customs_procedure: s(c.customs_procedure),
    declaration_reference: s(c.declaration_reference),
    detection_methods: [...c.detection_methods],
    concealment_method: c.concealment_method ?? null,
    concealment_description: s(c.concealment_description),
    narrative: s(c.narrative),
    summary_non_nominal: s(c.summary_non_nominal),
    offender_nationality: c.offender_nationality ?? null,
    offender_gender: c.offender_gender ?? null,
    offender_age_band: c.offender_age_band ?? null,
    goods: [...c.goods]
      .sort((a, b) => a.position - b.position)
      .map((g) => ({
        key: newKey(),
        commodity_group: g.commodity_group,
        commodity_type: g.commodity_type ?? null,
        hs_code: s(g.hs_code),
        description: s(g.description),
        quantity: g.quantity,
        unit: g.unit,
        value: n(g.value),
        currency: g.currency ?? null,
        packaging: s(g.packaging),
        brand: s(g.brand),
        species: s(g.species),
        cites_appendix: g.cites_appendix ?? null,
        purity_percent: n(g.purity_percent),
      })),
    route: [...c.route]
      .sort((a, b) => a.position - b.position)
      .map((l) => ({
        key: newKey(),
        country: l.country,
        role: l.role,
        place: s(l.place),
        unlocode: s(l.unlocode),
        departure_date: s(l.departure_date),
        arrival_date: s(l.arrival_date),
      })),
    persons: c.persons.map((l) => ({
      key: newKey(),
      role: l.role,
      person_id: l.person.id,
      label: personLabel(l.person),
      person: null,
    })),
    companies: c.companies.map((l) => ({
      key: newKey(),
      role: l.role,
      company_id: l.company.id,
      label: companyLabel(l.company),
      company: null,
    })),
    conveyances: c.conveyances.map((l) => ({
      key: newKey(),
      role: l.role,
      conveyance_id: l.conveyance.id,
      label: conveyanceLabel(l.conveyance),
      conveyance: null,
    })),
  };
}

const text = (v: string): string | null => (v.trim() ? v.trim() : null);
const num = (v: Num): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = v.trim().replace(',', '.');
  if (!t) return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
};

function personInput(p: PersonValues): PersonInput {
  return {
    family_name: p.family_name.trim(),
    given_names: text(p.given_names),
    date_of_birth: text(p.date_of_birth),
    gender: (p.gender as Gender | null) ?? null,
    nationalities: p.nationalities,
    documents: p.documents.map(documentInput),
  };
}
function companyInput(c: CompanyValues): CompanyInput {
  return {
    name: c.name.trim(),
    country: c.country,
    registration_number: text(c.registration_number),
    eori: text(c.eori),
  };
}
function conveyanceInput(c: ConveyanceValues): ConveyanceInput {
  return {
    conveyance_type: c.conveyance_type ?? '',
    identifier_kind: (c.identifier_kind ?? 'other') as IdentifierKind,
    identifier: c.identifier.trim(),
    country: c.country,
    name: text(c.name),
  };
}

/**
 * The whole case as the API takes it. Used for create and (as a merge patch that replaces
 * every field, `null` clearing one) for update. Offences carry no goods.
 */
export function formToInput(v: CaseFormValues): CaseInput {
  const date = (d: string) => (d ? d : null);
  return {
    kind: v.kind,
    detected_at: v.detected_at ? new Date(v.detected_at).toISOString() : '',
    place: text(v.place),
    location_type: v.location_type,
    unlocode: text(v.unlocode)?.toUpperCase() ?? null,
    country: v.country,
    latitude: num(v.latitude),
    longitude: num(v.longitude),
    direction: v.direction,
    customs_procedure: text(v.customs_procedure),
    declaration_reference: text(v.declaration_reference),
    detection_methods: v.detection_methods,
    concealment_method: v.concealment_method,
    concealment_description: text(v.concealment_description),
    narrative: text(v.narrative),
    summary_non_nominal: text(v.summary_non_nominal),
    offender_nationality: v.offender_nationality,
    offender_gender: (v.offender_gender as Gender | null) ?? null,
    offender_age_band: (v.offender_age_band as AgeBand | null) ?? null,
    goods:
      v.kind === 'offence'
        ? []
        : v.goods.map((g) => ({
            commodity_group: g.commodity_group ?? '',
            commodity_type: g.commodity_type,
            hs_code: text(g.hs_code),
            description: text(g.description),
            quantity: num(g.quantity) ?? 0,
            unit: g.unit ?? '',
            value: num(g.value),
            // the currency is offered by default: it means something only with a value
            currency: num(g.value) === null ? null : g.currency,
            packaging: text(g.packaging),
            brand: text(g.brand),
            species: text(g.species),
            cites_appendix: (g.cites_appendix as CitesAppendix | null) ?? null,
            purity_percent: num(g.purity_percent),
          })),
    route: v.route.map((l, i) => ({
      position: i + 1,
      country: l.country ?? '',
      role: l.role ?? '',
      place: text(l.place),
      unlocode: text(l.unlocode)?.toUpperCase() ?? null,
      departure_date: date(l.departure_date),
      arrival_date: date(l.arrival_date),
    })),
    persons: v.persons.map((l) =>
      l.person_id ? { role: l.role ?? '', person_id: l.person_id } : { role: l.role ?? '', person: personInput(l.person ?? emptyPerson()) },
    ),
    companies: v.companies.map((l) =>
      l.company_id
        ? { role: l.role ?? '', company_id: l.company_id }
        : { role: l.role ?? '', company: companyInput(l.company ?? emptyCompany()) },
    ),
    conveyances: v.conveyances.map((l) =>
      l.conveyance_id
        ? { role: (l.role ?? 'other') as ConveyanceRole, conveyance_id: l.conveyance_id }
        : { role: (l.role ?? 'other') as ConveyanceRole, conveyance: conveyanceInput(l.conveyance ?? emptyConveyance()) },
    ),
  };
}

/** Moves a list item (route legs, goods) and returns a new array. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}
