import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import { companyLabel, conveyanceLabel, personLabel, type Choice } from '../lib/alertForm';

const LIMIT = 8;

export type RecordSubject = 'person' | 'company' | 'conveyance';

/**
 * Records of a register that match `q` (at least 2 characters; debounce it before calling),
 * as choices for an alert's subject: a person by name in any spelling, document number, phone
 * or e-mail; a company by name, registration number, tax id or EORI; a conveyance by its
 * identifier or name.
 */
export function useRecordChoices(kind: RecordSubject, q: string) {
  return useQuery({
    queryKey: ['registers', kind, 'alert-choices', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<Choice[]> => {
      const params = { query: { q, limit: LIMIT } };
      switch (kind) {
        case 'person':
          return unwrap(await api.GET('/api/v1/persons', { params, signal })).items.map((p) => ({ id: p.id, label: personLabel(p) }));
        case 'company':
          return unwrap(await api.GET('/api/v1/companies', { params, signal })).items.map((c) => ({ id: c.id, label: companyLabel(c) }));
        case 'conveyance':
          return unwrap(await api.GET('/api/v1/conveyances', { params, signal })).items.map((c) => ({ id: c.id, label: conveyanceLabel(c) }));
      }
    },
  });
}

/** The label of the record an alert is prefilled with (`/alerts/new?person_id=…`). */
export function useRecordLabel(kind: RecordSubject | null, id: string | null) {
  return useQuery({
    queryKey: ['registers', kind, 'alert-label', id],
    enabled: !!kind && !!id,
    queryFn: async ({ signal }): Promise<string> => {
      const params = { path: { id: id ?? '' } };
      switch (kind) {
        case 'company':
          return companyLabel(unwrap(await api.GET('/api/v1/companies/{id}', { params, signal })));
        case 'conveyance':
          return conveyanceLabel(unwrap(await api.GET('/api/v1/conveyances/{id}', { params, signal })));
        default:
          return personLabel(unwrap(await api.GET('/api/v1/persons/{id}', { params, signal })));
      }
    },
  });
}
