/**
 * A saved search of a register (`PersonSearch`, `CompanySearch`, `ConveyanceSearch`): the
 * filters of the persons, companies or conveyances list as a rule keeps them (no order, no
 * paging), under the same names as the lists' query parameters (`GET /persons`, `/companies`,
 * `/conveyances`), and back to the registers page's address (`/registers?register=…&…`, the
 * parameters `features/registers/routes/RegistersPage.tsx` reads) to open the same search again.
 * The seizure list's counterpart is ./seizureSearch.ts.
 */
import type { components } from '@/api/schema';

type Schemas = components['schemas'];
/** The list a saved search searches: the seizure list or one of the registers. */
export type SearchTarget = Schemas['SearchTarget'];
export type RegisterTarget = Exclude<SearchTarget, 'seizures'>;
export type PersonSearch = Schemas['PersonSearch'];
export type CompanySearch = Schemas['CompanySearch'];
export type ConveyanceSearch = Schemas['ConveyanceSearch'];
export type RegisterSearch = PersonSearch | CompanySearch | ConveyanceSearch;

/** Every list a rule may search, in display order. */
export const SEARCH_TARGETS = ['seizures', 'persons', 'companies', 'conveyances'] as const satisfies readonly SearchTarget[];
export const REGISTER_TARGETS = ['persons', 'companies', 'conveyances'] as const satisfies readonly RegisterTarget[];

export function isRegisterTarget(target: string | null | undefined): target is RegisterTarget {
  return (REGISTER_TARGETS as readonly string[]).includes(target ?? '');
}

/** Each register's filters, in the order of the registers page's address (and of a summary). */
export const REGISTER_SEARCH_FIELDS = {
  persons: ['q', 'nationality', 'country', 'born', 'birth_year', 'document'],
  companies: ['q', 'country', 'identifier', 'status', 'risk_band', 'typology', 'activity', 'person_id'],
  conveyances: ['q', 'conveyance_type', 'identifier_kind', 'country'],
} as const satisfies {
  persons: readonly (keyof PersonSearch)[];
  companies: readonly (keyof CompanySearch)[];
  conveyances: readonly (keyof ConveyanceSearch)[];
};
export type RegisterSearchField = (typeof REGISTER_SEARCH_FIELDS)[RegisterTarget][number];

// every field of the API's searches is listed above (a new one fails to compile here)
type Unlisted =
  | Exclude<keyof PersonSearch, (typeof REGISTER_SEARCH_FIELDS)['persons'][number]>
  | Exclude<keyof CompanySearch, (typeof REGISTER_SEARCH_FIELDS)['companies'][number]>
  | Exclude<keyof ConveyanceSearch, (typeof REGISTER_SEARCH_FIELDS)['conveyances'][number]>;
const _complete: [Unlisted] extends [never] ? true : never = true;
void _complete;

/** The code list each coded field takes its values from. */
export const REGISTER_SEARCH_CODE_LISTS: Partial<Record<RegisterSearchField, string>> = {
  nationality: 'countries',
  country: 'countries',
  typology: 'fraud_typologies',
  activity: 'company_roles',
  conveyance_type: 'conveyance_types',
};

/** A register record's page (where a hit of a register rule leads). */
export function recordPath(target: RegisterTarget, id: string): string {
  return `/registers/${target}/${encodeURIComponent(id)}`;
}

/**
 * A register list's filters (as the registers page holds them) as a saved search of `target`:
 * its own filters only, trimmed, the empty ones left out.
 */
export function registerSearchOf(target: RegisterTarget, filters: { readonly [K in RegisterSearchField]?: unknown }): RegisterSearch {
  const out: Record<string, unknown> = {};
  for (const k of REGISTER_SEARCH_FIELDS[target]) {
    const v = filters[k];
    if (typeof v === 'string') {
      if (v.trim() !== '') out[k] = v.trim();
    } else if (v !== undefined && v !== null) out[k] = v;
  }
  return out as RegisterSearch;
}

/** The fields a register search sets, in order, with their values (another register's are ignored). */
export function registerSearchEntries(target: RegisterTarget, search: RegisterSearch): [RegisterSearchField, string][] {
  const values = search as Readonly<Record<string, unknown>>;
  return REGISTER_SEARCH_FIELDS[target].flatMap((k) => {
    const v = values[k];
    return v === undefined || v === null || v === '' ? [] : [[k, String(v)] as [RegisterSearchField, string]];
  });
}

/**
 * The registers page showing a register search's records ("open in the list"): its tab and
 * its filters in the address, as the page keeps them (`birth_year`, which the page reads as a
 * date of birth, included).
 */
export function registerListPath(target: RegisterTarget, search: RegisterSearch): string {
  const p = new URLSearchParams({ register: target });
  for (const [k, v] of registerSearchEntries(target, search)) p.set(k, v);
  return `/registers?${p.toString()}`;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A register filter's name as the registers page calls it (its country by the register's own
 * words); the filters the page has no field for by the saved searches' words.
 */
export function registerFieldLabel(t: Translate, target: RegisterTarget, field: string): string {
  switch (field) {
    case 'nationality':
      return t('registers.filters.nationality');
    case 'country':
      return t(`registers.filters.country.${target}`);
    case 'born':
      return t('registers.filters.born');
    case 'conveyance_type':
      return t('registers.conveyance.conveyance_type');
    case 'identifier_kind':
      return t('registers.conveyance.identifier_kind');
    default:
      return t(`searches:registerFields.${field}`, { defaultValue: field });
  }
}
