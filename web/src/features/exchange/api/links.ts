import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { isApiError, unwrap } from '@/api/errors';
import type { components } from '@/api/schema';
import { exchangeKeys } from './exchange';

/** A liaison officer's decision that a received person or company is a record of the registers. */
export type PartyLink = components['schemas']['PartyLink'];

/**
 * The received cases a register record's page lists ("Received from partners"): read there by
 * the registers feature under `['exchange', 'received', 'linked', kind, recordId]`; every one is
 * read again when a link changes (which record it named before is not known here).
 */
export const linkedKeys = {
  all: ['exchange', 'received', 'linked'] as const,
};

/**
 * A link changed: the received case is read again (its page shows the link, who made it and
 * when), and so are the register pages' lists of received cases.
 */
function linkChanged(qc: QueryClient, caseId: string) {
  void qc.invalidateQueries({ queryKey: exchangeKeys.receivedItem(caseId) });
  void qc.invalidateQueries({ queryKey: linkedKeys.all });
}

/**
 * Refused because the sender withdrew the case meanwhile (409 `withdrawn`): the case is read
 * again, so its page says so. Other errors leave it as shown (a failed reading would hide it).
 */
function refused(qc: QueryClient, caseId: string, error: unknown) {
  if (isWithdrawnError(error)) void qc.invalidateQueries({ queryKey: exchangeKeys.receivedItem(caseId) });
}

/** 409 `withdrawn`: the sender withdrew the case, whose parties are no longer linked. */
export function isWithdrawnError(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.code === 'withdrawn';
}

/**
 * Says that the person or company at `position` of a received case is the register record
 * `recordId` (a person for a person, a company for a company; a merged record's survivor is
 * linked), replacing an earlier link. 404 (no such case or party), 422 `record_id` `not_found`
 * (no register record of that kind), 409 `withdrawn` (the sender withdrew the case).
 */
export function useLinkParty(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ position, recordId }: { position: number; recordId: string }) =>
      unwrap(
        await api.PUT('/api/v1/exchange/received/{id}/parties/{position}/link', {
          params: { path: { id: caseId, position } },
          body: { record_id: recordId },
        }),
      ),
    onSuccess: () => linkChanged(qc, caseId),
    onError: (error) => refused(qc, caseId, error),
  });
}

/** Takes back the link of the party at `position` (204; none: nothing changes). */
export function useUnlinkParty(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ position }: { position: number }) => {
      unwrap(
        await api.DELETE('/api/v1/exchange/received/{id}/parties/{position}/link', {
          params: { path: { id: caseId, position } },
        }),
      );
    },
    onSuccess: () => linkChanged(qc, caseId),
  });
}
