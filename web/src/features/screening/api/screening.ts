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
