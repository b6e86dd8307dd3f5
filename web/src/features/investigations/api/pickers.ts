import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { TargetKind } from './types';

const LIMIT = 20;

/** Someone a picker offers: a user or a unit, with a line that tells them apart. */
export interface PersonChoice {
  kind: 'user' | 'unit';
  id: string;
  label: string;
  detail?: string | null;
}

/**
 * Users whose name or username matches `q` (at least 2 characters; debounce before calling),
 * for whoever may read the users list (`users.read`, supervisors): the lead picker. Only the
 * server knows who may work on investigations: it refuses the others (`not_eligible`).
 */
export function useUserChoices(q: string, enabled = true) {
  return useQuery({
    queryKey: ['investigations', 'user-choices', q],
    enabled: enabled && q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<PersonChoice[]> =>
      unwrap(await api.GET('/api/v1/users', { params: { query: { q, limit: LIMIT } }, signal })).items.map((u) => ({
        kind: 'user',
        id: u.id,
        label: u.display_name,
        detail: u.unit_name ?? u.username,
      })),
  });
}

/** Units and enabled users matching `q` (anyone may search them, as messaging does): the team picker. */
export function useRecipientChoices(q: string) {
  return useQuery({
    queryKey: ['investigations', 'recipient-choices', q],
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<PersonChoice[]> =>
      unwrap(await api.GET('/api/v1/recipients', { params: { query: { q, limit: LIMIT } }, signal })).items.flatMap((r): PersonChoice[] => {
        if (r.user_id) return [{ kind: 'user', id: r.user_id, label: r.name, detail: r.detail }];
        if (r.unit_id) return [{ kind: 'unit', id: r.unit_id, label: r.name, detail: r.detail }];
        return [];
      }),
  });
}

function personLabel(p: { family_name: string; given_names?: string | null; date_of_birth?: string | null }): string {
  const name = [p.family_name.toUpperCase(), p.given_names].filter(Boolean).join(' ');
  return p.date_of_birth ? `${name} (${p.date_of_birth})` : name;
}

/**
 * How a record an investigation is opened from reads (`/investigations/new?person_id=…`): a
 * case's reference, a person's name… Null when the user may not read it here (the server checks
 * the link anyway): the chip then shows the kind and the id.
 */
export function useTargetLabel(kind: TargetKind, id: string) {
  return useQuery({
    queryKey: ['investigations', 'target-label', kind, id],
    retry: false,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }): Promise<string | null> => {
      const params = { path: { id } };
      switch (kind) {
        case 'case':
          return unwrap(await api.GET('/api/v1/seizures/{id}', { params, signal })).reference;
        case 'person':
          return personLabel(unwrap(await api.GET('/api/v1/persons/{id}', { params, signal })));
        case 'company': {
          const c = unwrap(await api.GET('/api/v1/companies/{id}', { params, signal }));
          return c.country ? `${c.name} (${c.country})` : c.name;
        }
        case 'conveyance': {
          const c = unwrap(await api.GET('/api/v1/conveyances/{id}', { params, signal }));
          return c.name ? `${c.identifier} — ${c.name}` : c.identifier;
        }
        case 'alert': {
          const a = unwrap(await api.GET('/api/v1/alerts/{id}', { params, signal }));
          return `${a.reference} — ${a.subject_label}`;
        }
        case 'alert_hit': {
          const h = unwrap(await api.GET('/api/v1/alert-hits/{id}', { params, signal }));
          return `${h.alert.reference} — ${h.record_label}`;
        }
        case 'investigation': {
          const i = unwrap(await api.GET('/api/v1/investigations/{id}', { params, signal }));
          return `${i.reference} — ${i.title}`;
        }
      }
    },
  });
}
