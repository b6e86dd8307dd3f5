import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { isApiError, unwrap } from '@/api/errors';
import type { components } from '@/api/schema';
import type { CompanyInput, CompanyStatus, ConveyanceInput, IdentifierKind, PersonInput, RiskBand } from '@/api/types';
import { saveResponse, type ExportFormat } from '@/lib/download';
import type { MergePatch } from '@/lib/patch';

const PAGE = 50;
export type Register = 'persons' | 'companies' | 'conveyances';

export const recordKeys = {
  detail: (register: Register, id: string) => ['registers', register, 'detail', id] as const,
  history: (register: Register, id: string) => ['registers', register, 'history', id] as const,
  /** a company's computed risk (not part of its record) */
  companyRisk: (id: string) => ['registers', 'companies', 'risk', id] as const,
};

/** 403 `validated_elsewhere`: a validated case of another unit links the record (only a supervisor of that unit may correct it). */
export function isCorrectionLocked(e: unknown): boolean {
  return isApiError(e) && e.status === 403 && e.code === 'validated_elsewhere';
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: recordKeys.detail('persons', id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/persons/{id}', { params: { path: { id } }, signal })),
  });
}
export function useCompany(id: string) {
  return useQuery({
    queryKey: recordKeys.detail('companies', id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/companies/{id}', { params: { path: { id } }, signal })),
  });
}
/**
 * A company's computed risk (score, band and what makes it up). Not part of the record: it
 * moves with the company's cases, alerts and links. The server audits each read
 * (`company.risk_read`), so it is not read again while the page stays open.
 */
export function useCompanyRisk(id: string) {
  return useQuery({
    queryKey: recordKeys.companyRisk(id),
    staleTime: Infinity,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/companies/{id}/risk', { params: { path: { id } }, signal })),
  });
}
export function useConveyance(id: string) {
  return useQuery({
    queryKey: recordKeys.detail('conveyances', id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/conveyances/{id}', { params: { path: { id } }, signal })),
  });
}

/** A record's changes, oldest first (as the API sends them). */
export function useRecordHistory(register: Register, id: string) {
  return useQuery({
    queryKey: recordKeys.history(register, id),
    queryFn: async ({ signal }) => {
      const params = { params: { path: { id } }, signal };
      const history =
        register === 'persons'
          ? await api.GET('/api/v1/persons/{id}/history', params)
          : register === 'companies'
            ? await api.GET('/api/v1/companies/{id}/history', params)
            : await api.GET('/api/v1/conveyances/{id}/history', params);
      return unwrap(history).items;
    },
  });
}

/**
 * How a register list is ordered: by name (the identifier for conveyances), latest case first,
 * or — persons and companies searched with a text — best match first (`relevance`: ranked by
 * the matching engine, one page only; the server's default when there is a text).
 */
export type RegisterSort = components['schemas']['RegisterSort'];

/**
 * A search of a register: `q` is a name (for persons also the number of an identity document,
 * a phone number or an e-mail address; the server tries each); the filters narrow it. Those
 * a register does not take are not sent (the server refuses unknown parameters).
 */
export interface RegisterFilters {
  q: string;
  /**
   * ISO 3166-1 alpha-2: a person's nationality or the issuing country of one of their
   * documents; a company's country; a conveyance's flag or registration country
   */
  country?: string | null;
  sort?: RegisterSort | null;
}

/** The filters only the companies register takes. */
export interface CompanyFilters extends RegisterFilters {
  /** an identifier of any kind (EORI, VAT, registration, tax, LEI, IBAN, AEO), exact once normalised */
  identifier?: string | null;
  status?: CompanyStatus | null;
  /** a `fraud_typologies` code recorded against the company */
  typology?: string | null;
  risk_band?: RiskBand | null;
  /** a `company_roles` code among the company's activities */
  activity?: string | null;
  /** companies this person (a register record) is linked to */
  person_id?: string | null;
}

export interface PersonFilters extends RegisterFilters {
  /** ISO 3166-1 alpha-2 */
  nationality?: string | null;
  /** date of birth: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (checked before: the server answers 422 otherwise) */
  born?: string | null;
  /** the number of an identity document, exact once normalised */
  document?: string | null;
}

/** The filters only the conveyances register takes. */
export interface ConveyanceFilters extends RegisterFilters {
  /** a `conveyance_types` code */
  conveyance_type?: string | null;
  identifier_kind?: IdentifierKind | null;
}

/**
 * The order as sent, the server's default left out: with a text that is the best match
 * (`relevance`), so `name` is then sent; without one it is `name`, and `relevance` reads as it.
 */
function sortParam(q: string, sort: RegisterSort | null | undefined): RegisterSort | undefined {
  if (sort === 'last_case') return sort;
  if (sort === 'name' && q) return sort;
  return undefined;
}

/** The query of a register's list or export (no paging), without empty values and the default order. */
function common({ q, country, sort }: RegisterFilters) {
  return { q: q || undefined, country: country || undefined, sort: sortParam(q, sort) };
}
export function personQuery(f: PersonFilters) {
  return { ...common(f), nationality: f.nationality || undefined, born: f.born || undefined, document: f.document?.trim() || undefined };
}
/** Every register's filters: what the list page keeps in the address (each register sends its own). */
export type ListFilters = PersonFilters & CompanyFilters & ConveyanceFilters;

export function companyQuery(f: CompanyFilters) {
  return {
    ...common(f),
    identifier: f.identifier?.trim() || undefined,
    status: f.status || undefined,
    typology: f.typology || undefined,
    risk_band: f.risk_band || undefined,
    activity: f.activity || undefined,
    person_id: f.person_id || undefined,
  };
}
/** Conveyances are not ranked by relevance: by identifier, or latest case first. */
export function conveyanceQuery(f: ConveyanceFilters) {
  return {
    ...common(f),
    sort: f.sort === 'last_case' ? f.sort : undefined,
    conveyance_type: f.conveyance_type || undefined,
    identifier_kind: f.identifier_kind || undefined,
  };
}

export function usePersonList(filters: PersonFilters) {
  const query = personQuery(filters);
  return useInfiniteQuery({
    queryKey: ['registers', 'persons', 'list', query],
    initialPageParam: null as string | null,
    placeholderData: keepPreviousData,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/persons', { params: { query: { ...query, limit: PAGE, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}
export function useCompanyList(filters: CompanyFilters) {
  const query = companyQuery(filters);
  return useInfiniteQuery({
    queryKey: ['registers', 'companies', 'list', query],
    initialPageParam: null as string | null,
    placeholderData: keepPreviousData,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/companies', { params: { query: { ...query, limit: PAGE, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}
export function useConveyanceList(filters: ConveyanceFilters) {
  const query = conveyanceQuery(filters);
  return useInfiniteQuery({
    queryKey: ['registers', 'conveyances', 'list', query],
    initialPageParam: null as string | null,
    placeholderData: keepPreviousData,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/conveyances', { params: { query: { ...query, limit: PAGE, cursor: pageParam ?? undefined } }, signal })),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

/**
 * Every record of `register` the list's filters select, in the list's order, as a CSV or XLSX
 * file saved under the server's name (fetched with the bearer token, so not a plain link). The
 * server records the export; beyond its row limit it answers 422 `too_many_rows` (an ApiError).
 */
export async function exportRegister(register: Register, format: ExportFormat, filters: ListFilters): Promise<string> {
  const path = { format };
  const result =
    register === 'persons'
      ? await api.GET('/api/v1/persons/export/{format}', { params: { path, query: personQuery(filters) }, parseAs: 'blob' })
      : register === 'companies'
        ? await api.GET('/api/v1/companies/export/{format}', { params: { path, query: companyQuery(filters) }, parseAs: 'blob' })
        : await api.GET('/api/v1/conveyances/export/{format}', { params: { path, query: conveyanceQuery(filters) }, parseAs: 'blob' });
  return saveResponse(result, `${register}.${format}`);
}

export function useRegisterExport() {
  return useMutation({
    mutationFn: ({ register, format, filters }: { register: Register; format: ExportFormat; filters: ListFilters }) =>
      exportRegister(register, format, filters),
  });
}

/** An existing record that looks like the one being entered, and what they share. */
export type Duplicate = components['schemas']['Duplicate'];

/**
 * The existing records that look like the one being entered (`probe`: see
 * `personDuplicateProbe` / `companyDuplicateProbe`; null asks nothing). Each check is audited
 * by the server, so the same probe is not asked again for a minute.
 */
export function useDuplicates(register: 'persons' | 'companies', probe: PersonInput | CompanyInput | null) {
  return useQuery({
    queryKey: ['registers', register, 'duplicates', probe],
    enabled: probe !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const found =
        register === 'persons'
          ? await api.POST('/api/v1/persons/duplicates', { body: probe as PersonInput, signal })
          : await api.POST('/api/v1/companies/duplicates', { body: probe as CompanyInput, signal });
      return unwrap(found).items;
    },
  });
}

/**
 * After a correction: the record's page shows the answer at once; its history, searches, the
 * inline "possible matches" and the cases that show the record (their version and history
 * changed too) are fetched again when next needed.
 */
function stored(qc: QueryClient, register: Register, record: { id: string }) {
  qc.setQueryData(recordKeys.detail(register, record.id), record);
  void qc.invalidateQueries({ queryKey: recordKeys.history(register, record.id) });
  void qc.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'registers' && q.queryKey[1] === register && q.queryKey[2] !== 'detail',
  });
  void qc.invalidateQueries({ queryKey: ['seizures', 'detail'] });
  void qc.invalidateQueries({ queryKey: ['seizures', 'history'] });
}

/** A new record: its page shows it at once; the lists and checks that might show it are read again. */
function created(qc: QueryClient, register: Register, record: { id: string }) {
  qc.setQueryData(recordKeys.detail(register, record.id), record);
  void qc.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'registers' && q.queryKey[1] === register && q.queryKey[2] !== 'detail',
  });
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: PersonInput) => unwrap(await api.POST('/api/v1/persons', { body: input })),
    onSuccess: (p) => created(qc, 'persons', p),
  });
}

export function useCreateCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: CompanyInput) => unwrap(await api.POST('/api/v1/companies', { body: input })),
    onSuccess: (c) => created(qc, 'companies', c),
  });
}

/** A correction refused as `validated_elsewhere`: the record is read again so its page shows it as locked. */
function refused(qc: QueryClient, register: Register, id: string, e: unknown) {
  if (isCorrectionLocked(e)) void qc.invalidateQueries({ queryKey: recordKeys.detail(register, id) });
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/*
 * The PATCH bodies are JSON merge patches of the record's input: the generated type names the
 * whole input (with its required fields), so the patch is passed as that type.
 */

export function useUpdatePerson(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, patch }: { version: number; patch: MergePatch<PersonInput> }) =>
      unwrap(
        await api.PATCH('/api/v1/persons/{id}', { params: { path: { id }, header: ifMatch(version) }, body: patch as PersonInput }),
      ),
    onSuccess: (p) => stored(qc, 'persons', p),
    onError: (e) => refused(qc, 'persons', id, e),
  });
}

export function useUpdateCompany(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, patch }: { version: number; patch: MergePatch<CompanyInput> }) =>
      unwrap(
        await api.PATCH('/api/v1/companies/{id}', { params: { path: { id }, header: ifMatch(version) }, body: patch as CompanyInput }),
      ),
    onSuccess: (c) => stored(qc, 'companies', c),
    onError: (e) => refused(qc, 'companies', id, e),
  });
}

export function useUpdateConveyance(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, patch }: { version: number; patch: MergePatch<ConveyanceInput> }) =>
      unwrap(
        await api.PATCH('/api/v1/conveyances/{id}', {
          params: { path: { id }, header: ifMatch(version) },
          body: patch as ConveyanceInput,
        }),
      ),
    onSuccess: (c) => stored(qc, 'conveyances', c),
    onError: (e) => refused(qc, 'conveyances', id, e),
  });
}
