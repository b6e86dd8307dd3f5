import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';

type Schemas = components['schemas'];

/** What to screen: exactly one of `person` and `company`. */
export type ScreeningRequest = Schemas['ScreeningRequest'];
/** A person as the officer knows them (not the persons list's query: see `PersonQuery` in `@/api/types`). */
export type ScreeningPerson = Schemas['PersonQuery'];
export type ScreeningCompany = Schemas['CompanyQuery'];
export type ScreeningResult = Schemas['ScreeningResult'];
export type Candidate = Schemas['Candidate'];
export type Band = Schemas['Band'];
export type Feature = Schemas['Feature'];
export type Thresholds = Schemas['Thresholds'];

/**
 * Screens a person or a company against the registers (`POST /api/v1/screening`). A mutation,
 * not a query: each screening is recorded in the audit trail by the server, so it runs only
 * when the officer asks (never again on its own: on focus, on return to the page). A 422 is
 * thrown as an ApiError whose `errors` name the query's fields (`person.date_of_birth`,
 * `person` / `nothing_to_match`).
 */
export function useScreening() {
  return useMutation({
    mutationFn: async (request: ScreeningRequest) => unwrap(await api.POST('/api/v1/screening', { body: request })),
  });
}

/** A screened list: its lines, hits first, then lines to review, then clear lines. */
export type BatchResult = Schemas['BatchResult'];
export type BatchLine = Schemas['BatchLine'];
export type BatchOutcome = Schemas['BatchOutcome'];
export type BatchCounts = Schemas['BatchCounts'];
export type ScreeningAlert = Schemas['ScreeningAlert'];

/**
 * Screens a passenger list or a cargo manifest given as CSV (`POST /api/v1/screening/batch`,
 * `Content-Type: text/csv`: a header naming the columns, then one line each), through the
 * typed client, so the bearer token and the refresh on 401 apply as to every call. A mutation:
 * the server records each list screened in the audit trail. A 422 is thrown as an ApiError whose
 * `errors` name the line (`rows[3].container`, `rows[5]`), the header (`columns`) or the list
 * (`rows`).
 */
export function useBatchScreening() {
  return useMutation({
    mutationFn: async (csv: string) =>
      unwrap(
        await api.POST('/api/v1/screening/batch', {
          body: csv,
          // the text as it is: the default serializer would write it as a JSON string
          bodySerializer: (body) => body,
          headers: { 'Content-Type': 'text/csv' },
        }),
      ),
  });
}
