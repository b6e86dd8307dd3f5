import { useState } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { fetchFile } from '@/api/attachments';
import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';
import { uploadMultipart } from '@/api/upload';
import { saveResponse } from '@/lib/download';
import { saveBlob } from '@/lib/useObjectUrl';

type Schemas = components['schemas'];
export type NodeIdentity = Schemas['NodeIdentity'];
export type Partner = Schemas['PartnerDto'];
export type PartnerStatus = Schemas['PartnerStatus'];
export type NewPartner = Schemas['CreatePartner'];
export type PartnerPatch = Schemas['UpdatePartner'];
export type Agreement = Schemas['AgreementDto'];
export type NewAgreement = Schemas['CreateAgreement'];
export type AgreementPatch = Schemas['AgreementFields'];
/** The signed instrument of an agreement (a PDF or a scan), as uploaded. */
export type AgreementDocument = Schemas['AgreementDocument'];
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
export type SendRequest = Schemas['SendRequest'];
export type OutboxPackage = Schemas['OutboxDto'];
export type PackageStatus = Schemas['PackageStatus'];
export type PackageKind = Schemas['PackageKind'];
export type InboxSummary = Schemas['InboxDto'];
export type InboxPackage = Schemas['InboxPackage'];
export type InboxStatus = Schemas['InboxStatus'];
export type PackageImport = Schemas['PackageImport'];
/** A received withdrawal: the package whose cases the sender withdraws, why, and each case's reference and version. */
export type Withdrawal = Schemas['Withdrawal'];
export type Provenance = Schemas['Provenance'];
export type ReceivedCaseSummary = Schemas['ReceivedCaseSummary'];
/** A received case as its page shows it (not `../lib/received`'s `ReceivedCase`: one case of a package as it arrived). */
export type ReceivedCaseDetail = Schemas['ReceivedCase'];
export type ReceivedParty = Schemas['ReceivedParty'];
export type ReceivedVersion = Schemas['ReceivedVersion'];
/** The sender withdrew a received case: kept for the record, not to be used. */
export type ReceivedWithdrawal = Schemas['ReceivedWithdrawal'];

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

/** Where a package for a partner stands, in the order of its life. */
export const PACKAGE_STATUSES = [
  'awaiting_approval',
  'pending',
  'sent',
  'acknowledged',
  'rejected',
  'failed',
  'declined',
] as const satisfies readonly PackageStatus[];

/** A package that moves by itself (a delivery attempt is due or under way): its page is read again every few seconds. */
export function isMoving(status: PackageStatus): boolean {
  return status === 'pending' || status === 'sent';
}

/** How often a list or a package still moving is read again. */
export const REFRESH_MS = 5_000;

export const exchangeKeys = {
  all: ['exchange'] as const,
  node: ['exchange', 'node'] as const,
  partners: ['exchange', 'partners'] as const,
  agreements: ['exchange', 'agreements'] as const,
  agreementsOf: (partnerId: string | null) => ['exchange', 'agreements', partnerId ?? 'all'] as const,
  cen: ['exchange', 'cen'] as const,
  pending: ['exchange', 'cen', 'pending'] as const,
  batches: ['exchange', 'cen', 'batches'] as const,
  outbox: ['exchange', 'outbox'] as const,
  outboxList: (status: PackageStatus | null) => ['exchange', 'outbox', 'list', status ?? 'all'] as const,
  outboxItem: (id: string) => ['exchange', 'outbox', 'item', id] as const,
  inbox: ['exchange', 'inbox'] as const,
  inboxList: ['exchange', 'inbox', 'list'] as const,
  inboxItem: (id: string) => ['exchange', 'inbox', 'item', id] as const,
  received: ['exchange', 'received'] as const,
  receivedList: ['exchange', 'received', 'list'] as const,
  receivedItem: (id: string) => ['exchange', 'received', 'item', id] as const,
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

/** What an agreement's document may be: a PDF or a scan (the server reads the type from the content). */
export const AGREEMENT_DOCUMENT_ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp,image/tiff';

/**
 * Uploads the document of an agreement (one `file` part), replacing the one it had, reporting
 * the fraction sent; answers the agreement, its version one up. 413 over the upload limit,
 * 415 or 422 (`file`: `unsupported_type`, `corrupt`, `encrypted`…) for what cannot be taken.
 */
export function uploadAgreementDocument(
  agreementId: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Agreement> {
  const form = () => {
    const form = new FormData();
    form.append('file', file, file.name);
    return form;
  };
  return uploadMultipart<Agreement>(`/api/v1/exchange/agreements/${encodeURIComponent(agreementId)}/document`, form, onProgress, signal);
}

/** Uploads an agreement's document with its progress; the agreement is replaced in the lists, which are read again. */
export function useUploadAgreementDocument(agreementId: string) {
  const qc = useQueryClient();
  const [progress, setProgress] = useState(0);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadAgreementDocument(agreementId, file, setProgress);
    },
    onSuccess: (updated) => {
      qc.setQueriesData<Agreement[]>({ queryKey: exchangeKeys.agreements }, (list) =>
        list?.map((a) => (a.id === updated.id ? updated : a)),
      );
      void qc.invalidateQueries({ queryKey: exchangeKeys.agreements });
    },
  });
  return { ...mutation, progress };
}

const DOCUMENT_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tif',
};

/** The name a document is saved under: the one it was uploaded under, else `fallback` with its type's extension. */
export function documentFileName(doc: AgreementDocument, fallback: string): string {
  if (doc.filename) return doc.filename;
  const ext = DOCUMENT_EXTENSIONS[doc.media_type.split(';')[0]?.trim().toLowerCase() ?? ''];
  const base = fallback.replace(/[\\/:*?"<>|]+/g, '_');
  return ext ? `${base}.${ext}` : base;
}

/** Downloads an agreement's document with the token (a read the server audits) and saves it under `name`. */
export function useDownloadAgreementDocument() {
  return useMutation({
    mutationFn: async ({ document, name }: { document: AgreementDocument; name: string }) => {
      saveBlob(await fetchFile(document.content_url), name);
    },
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

/**
 * Sends validated cases to a partner (201): a liaison officer's package is signed and queued at
 * once (`pending`), anyone else's waits for a liaison officer's approval (`awaiting_approval`).
 * 409 `no_agreement`; 422 with `case_ids[i]` `not_validated` / `not_found`. The idempotency key
 * makes a retry of the same request (a lost answer) send nothing twice.
 */
export function useSend() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: SendRequest; key: string }) =>
      unwrap(await api.POST('/api/v1/exchange/outbox', { body, params: { header: { 'Idempotency-Key': key } } })),
    onSuccess: (p) => {
      qc.setQueryData(exchangeKeys.outboxItem(p.id), p);
      void qc.invalidateQueries({ queryKey: exchangeKeys.outbox });
    },
  });
}

/**
 * The packages for partners, newest first (every package for a liaison officer, one's own
 * requests for anyone else), of one status when given; read again every few seconds while one
 * is waiting for or in a delivery attempt.
 */
export function useOutbox(status: PackageStatus | null, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: exchangeKeys.outboxList(status),
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/exchange/outbox', { params: { query: status ? { status } : {} }, signal })).items,
    refetchInterval: (q) => (q.state.data?.some((p) => isMoving(p.status)) ? REFRESH_MS : false),
  });
}

/** One package and its delivery; read again every few seconds while it moves. */
export function useOutboxPackage(id: string) {
  return useQuery({
    queryKey: exchangeKeys.outboxItem(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/exchange/outbox/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (q) => (q.state.data && isMoving(q.state.data.status) ? REFRESH_MS : false),
  });
}

function packageChanged(qc: QueryClient, p?: OutboxPackage) {
  if (p) qc.setQueryData(exchangeKeys.outboxItem(p.id), p);
  void qc.invalidateQueries({ queryKey: exchangeKeys.outbox });
}

/**
 * Approves an investigator's request at the version shown: signed and queued. 403
 * `own_request` (one's own request: four eyes), 409 `not_awaiting_approval` or `no_agreement`,
 * 412 when it changed.
 */
export function useApprove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (p: OutboxPackage) =>
      unwrap(
        await api.POST('/api/v1/exchange/outbox/{id}/approve', {
          params: { path: { id: p.id }, header: { 'If-Match': `"${p.version}"` } },
        }),
      ),
    onSuccess: (p) => packageChanged(qc, p),
    onError: () => packageChanged(qc),
  });
}

/** Declines an investigator's request at the version shown, with the reason the requester sees. */
export function useDecline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ pkg, reason }: { pkg: OutboxPackage; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/exchange/outbox/{id}/decline', {
          params: { path: { id: pkg.id }, header: { 'If-Match': `"${pkg.version}"` } },
          body: { reason },
        }),
      ),
    onSuccess: (p) => packageChanged(qc, p),
    onError: () => packageChanged(qc),
  });
}

/**
 * Withdraws the cases of a package the partner acknowledged, at the version shown, with the
 * reason the partner is given (201): a withdrawal package is signed and queued for the same
 * partner. 409 `not_acknowledged` or `already_withdrawn`, 412 when it changed. The withdrawal
 * is kept as a package of its own; the withdrawn package is read again (its `withdrawn_by`).
 */
export function useWithdraw() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ pkg, reason }: { pkg: OutboxPackage; reason: string }) =>
      unwrap(
        await api.POST('/api/v1/exchange/outbox/{id}/withdraw', {
          params: { path: { id: pkg.id }, header: { 'If-Match': `"${pkg.version}"` } },
          body: { reason },
        }),
      ),
    onSuccess: (p) => packageChanged(qc, p),
    onError: () => packageChanged(qc),
  });
}

/** The review queue: packages received from partners, newest first. */
export function useInbox() {
  return useQuery({
    queryKey: exchangeKeys.inboxList,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/exchange/inbox', { signal })).items,
  });
}

/**
 * A received package with its cases as they arrived. Each read is audited
 * (`exchange.inbox_read`): not read again while it stays on screen, nor on focus.
 */
export function useInboxPackage(id: string) {
  return useQuery({
    queryKey: exchangeKeys.inboxItem(id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/exchange/inbox/{id}', { params: { path: { id } }, signal })),
  });
}

/**
 * A package reviewed: its page keeps what it shows (reading it again would be audited as
 * another reading) with the status it now has; the queue, and the received cases an import
 * touched, are read again.
 */
function reviewed(qc: QueryClient, pkg: InboxPackage, change: Partial<InboxPackage>) {
  qc.setQueryData<InboxPackage>(exchangeKeys.inboxItem(pkg.id), {
    ...pkg,
    version: pkg.version + 1,
    reviewed_at: new Date().toISOString(),
    ...change,
  });
  void qc.invalidateQueries({ queryKey: exchangeKeys.inboxList });
  void qc.invalidateQueries({ queryKey: exchangeKeys.received });
}

/**
 * Imports every case of a received package at the version shown: each becomes a received
 * case (or updates one at a higher version), its persons and companies matched against the
 * registers and checked against the alerts, nothing merged. 409 `not_received` (imported or
 * dismissed meanwhile), 412 when it changed.
 */
export function useImportPackage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (pkg: InboxPackage) =>
      unwrap(
        await api.POST('/api/v1/exchange/inbox/{id}/import', {
          params: { path: { id: pkg.id }, header: { 'If-Match': `"${pkg.version}"` } },
        }),
      ),
    onSuccess: (_report, pkg) => reviewed(qc, pkg, { status: 'imported' }),
    onError: () => void qc.invalidateQueries({ queryKey: exchangeKeys.inboxList }),
  });
}

/** Dismisses a received package at the version shown, with the reason kept with it: nothing of it is imported (204). */
export function useDismissPackage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ pkg, reason }: { pkg: InboxPackage; reason: string }) => {
      unwrap(
        await api.POST('/api/v1/exchange/inbox/{id}/dismiss', {
          params: { path: { id: pkg.id }, header: { 'If-Match': `"${pkg.version}"` } },
          body: { reason },
        }),
      );
    },
    onSuccess: (_none, { pkg, reason }) => reviewed(qc, pkg, { status: 'dismissed', review_note: reason }),
    onError: () => void qc.invalidateQueries({ queryKey: exchangeKeys.inboxList }),
  });
}

/** The cases received from partners and imported, newest import first, each with its provenance. */
export function useReceivedCases() {
  return useQuery({
    queryKey: exchangeKeys.receivedList,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/exchange/received', { signal })).items,
  });
}

/**
 * A received case with its document, its persons and companies (possible matches, alerts) and
 * its versions. Each read is audited (`exchange.received_read`): not read again while it stays
 * on screen, nor on focus.
 */
export function useReceivedCase(id: string) {
  return useQuery({
    queryKey: exchangeKeys.receivedItem(id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/exchange/received/{id}', { params: { path: { id } }, signal })),
  });
}
