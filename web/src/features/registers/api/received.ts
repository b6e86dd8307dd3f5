import { useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';

/** A case received from a partner, as the list of received cases gives it (provenance, version, withdrawal). */
export type ReceivedCaseSummary = components['schemas']['ReceivedCaseSummary'];

/** The kinds of register record a received person or company is linked to. */
export type LinkedKind = 'person' | 'company';

/**
 * Under the exchange's keys (`['exchange', 'received', …]`): the exchange pages read every one
 * of them again when a liaison officer links a received party or takes a link back.
 */
export const receivedKeys = {
  linked: (kind: LinkedKind, recordId: string) => ['exchange', 'received', 'linked', kind, recordId] as const,
};

/**
 * The received cases with a person (or company) linked to this register record, or to a
 * record merged into it, newest import first. Liaison officers only (`exchange.manage`): not
 * asked for otherwise.
 */
export function useReceivedForRecord(kind: LinkedKind, recordId: string, enabled: boolean) {
  return useQuery({
    queryKey: receivedKeys.linked(kind, recordId),
    enabled,
    queryFn: async ({ signal }) => {
      const query = kind === 'person' ? { person_id: recordId } : { company_id: recordId };
      return unwrap(await api.GET('/api/v1/exchange/received', { params: { query }, signal })).items;
    },
  });
}
