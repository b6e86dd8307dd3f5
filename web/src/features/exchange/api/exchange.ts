import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';
import { saveResponse } from '@/lib/download';

type Schemas = components['schemas'];
export type NodeIdentity = Schemas['NodeIdentity'];
export type Partner = Schemas['PartnerDto'];
export type PartnerStatus = Schemas['PartnerStatus'];
export type NewPartner = Schemas['CreatePartner'];
export type PartnerPatch = Schemas['UpdatePartner'];
export type Agreement = Schemas['AgreementDto'];
export type NewAgreement = Schemas['CreateAgreement'];
export type AgreementPatch = Schemas['AgreementFields'];
export type Instrument = Schemas['Instrument'];
export type Scope = Schemas['Scope'];
export type FieldClass = Schemas['Class'];
export type FieldRule = Schemas['FieldRule'];
export type Preview = Schemas['Preview'];
export type PreviewRequest = Schemas['PreviewRequest'];
export type CenPending = Schemas['CenPending'];
export type CenRecord = Schemas['CenRecord'];
export type CenBatch = Schemas['CenBatch'];
export type CenFormat = Schemas['CenFormat'];

/** The instruments an agreement rests on, in the order the form offers them. */
export const INSTRUMENTS = [
  'bilateral_cmaa',
  'mou',
  'regional_convention',
  'nairobi_convention',
  'johannesburg_convention',
  'other',
] as const satisfies readonly Instrument[];

/** The scopes of an exchange, the narrower first. */
export const SCOPES = ['non_nominal', 'nominal'] as const satisfies readonly Scope[];

export const exchangeKeys = {
  all: ['exchange'] as const,
  node: ['exchange', 'node'] as const,
  partners: ['exchange', 'partners'] as const,
  agreements: ['exchange', 'agreements'] as const,
  agreementsOf: (partnerId: string | null) => ['exchange', 'agreements', partnerId ?? 'all'] as const,
  cen: ['exchange', 'cen'] as const,
  pending: ['exchange', 'cen', 'pending'] as const,
  batches: ['exchange', 'cen', 'batches'] as const,
};

/** This node's public key and fingerprint, to give partners out of band. */
export function useNodeIdentity() {
  return useQuery({
    queryKey: exchangeKeys.node,
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/exchange/node', { signal })),
  });
}

/** Every partner administration, by name. */
export function usePartners() {
  return useQuery({
    queryKey: exchangeKeys.partners,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/exchange/partners', { signal })).items,
  });
}

/** A partner's agreements carry its name and country, and say whether they are in force (an active partner): read again with it. */
function partnersChanged(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: exchangeKeys.partners });
  void qc.invalidateQueries({ queryKey: exchangeKeys.agreements });
}

/** Registers a partner with the key it gave out of band and the fingerprint it read out (422 `fingerprint: mismatch`, 409 when the key is known). */
export function useCreatePartner() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewPartner) => unwrap(await api.POST('/api/v1/exchange/partners', { body })),
    onSuccess: () => partnersChanged(qc),
  });
}

/** Renames a partner, moves its endpoint, suspends or reactivates it, at the version shown (412 when it changed). */
export function useUpdatePartner() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ partner, patch }: { partner: Partner; patch: PartnerPatch }) =>
      unwrap(
        await api.PATCH('/api/v1/exchange/partners/{id}', {
          params: { path: { id: partner.id }, header: { 'If-Match': `"${partner.version}"` } },
          body: patch,
        }),
      ),
    onSuccess: () => partnersChanged(qc),
    onError: () => void qc.invalidateQueries({ queryKey: exchangeKeys.partners }),
  });
}

/** The agreements, of one partner when given, newest validity first. */
export function useAgreements(partnerId: string | null) {
  return useQuery({
    queryKey: exchangeKeys.agreementsOf(partnerId),
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/exchange/agreements', { params: { query: partnerId ? { partner_id: partnerId } : {} }, signal }),
      ).items,
  });
}

export function useCreateAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewAgreement) => unwrap(await api.POST('/api/v1/exchange/agreements', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: exchangeKeys.agreements }),
  });
}

/** Corrects, extends or ends (`valid_until`) an agreement: a merge patch at the version shown. */
export function useUpdateAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ agreement, patch }: { agreement: Agreement; patch: AgreementPatch }) =>
      unwrap(
        await api.PATCH('/api/v1/exchange/agreements/{id}', {
          params: { path: { id: agreement.id }, header: { 'If-Match': `"${agreement.version}"` } },
          body: patch,
        }),
      ),
    onSettled: () => void qc.invalidateQueries({ queryKey: exchangeKeys.agreements }),
  });
}

/** Exactly what would leave for a partner (audited by the server like a read of the cases). */
export function usePreview() {
  return useMutation({
    mutationFn: async (body: PreviewRequest) => unwrap(await api.POST('/api/v1/exchange/preview', { body })),
  });
}

/**
 * What the next CEN batch would hold. Each read is audited (`cen.preview`): not read again
 * while it stays on screen, nor when the window regains focus.
 */
export function useCenPending() {
  return useQuery({
    queryKey: exchangeKeys.pending,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/exchange/cen-exports/pending', { signal })),
  });
}

/** The latest batches, newest first. */
export function useCenBatches() {
  return useQuery({
    queryKey: exchangeKeys.batches,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/exchange/cen-exports', { signal })).items,
  });
}

/** Makes a batch of every validated case not yet exported at its version (409 `nothing_to_export`). */
export function useMakeBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/exchange/cen-exports', {})),
    onSettled: () => void qc.invalidateQueries({ queryKey: exchangeKeys.cen }),
  });
}

/**
 * A batch's content as JSON or CSV, saved under the server's name; fetched with the bearer
 * token, so not a plain link. The server records the download in the audit trail.
 */
export async function downloadBatch(batch: CenBatch, format: CenFormat): Promise<string> {
  const result = await api.GET('/api/v1/exchange/cen-exports/{id}/content/{format}', {
    params: { path: { id: batch.id, format } },
    parseAs: 'blob',
  });
  return saveResponse(result, `cen-batch-${batch.id}.${format}`);
}

export function useDownloadBatch() {
  return useMutation({
    mutationFn: ({ batch, format }: { batch: CenBatch; format: CenFormat }) => downloadBatch(batch, format),
  });
}
