/**
 * The company profile's tabs, their pure parts: links grouped by what is shared, the risk's
 * total and the pages its counted records open, periods, and the server's refusals in words.
 */
import { isApiError } from '@/api/errors';
import type { CaseAppearance, CompanyTimelineEvent, ComputedLink, RiskContribution, RiskFactorRef, SharedKind } from '@/api/types';
import { fieldErrorMessage } from '@/lib/forms';

/** What computed links share, in the order the links tab lists them. */
export const SHARED_KINDS = ['address', 'phone', 'email', 'website', 'bank_account', 'director', 'owner'] as const satisfies readonly SharedKind[];

/** The links grouped by what they share, in `SHARED_KINDS` order; kinds with no link left out. */
export function groupLinks(links: readonly ComputedLink[]): [SharedKind, ComputedLink[]][] {
  const by = new Map<SharedKind, ComputedLink[]>();
  for (const l of links) by.set(l.shared, [...(by.get(l.shared) ?? []), l]);
  const order: readonly SharedKind[] = SHARED_KINDS;
  const known = order.filter((k) => by.has(k)).map((k): [SharedKind, ComputedLink[]] => [k, by.get(k)!]);
  const other = [...by].filter(([k]) => !order.includes(k));
  return [...known, ...other];
}

/** The sum of the contributions: the score, as the explanation's total row shows it. */
export function contributionTotal(explanation: readonly Pick<RiskContribution, 'points'>[]): number {
  return explanation.reduce((sum, c) => sum + c.points, 0);
}

/**
 * The page a counted record opens: a case, a company, a person. Null for the others and for a
 * record the reader may not see (its id withheld: restricted).
 */
export function refPath(ref: Pick<RiskFactorRef, 'kind' | 'id'>): string | null {
  if (!ref.id) return null;
  switch (ref.kind) {
    case 'case':
      return `/seizures/${ref.id}`;
    case 'company':
      return `/registers/companies/${ref.id}`;
    case 'person':
      return `/registers/persons/${ref.id}`;
    default:
      return null;
  }
}

/** The page a timeline event opens: its case, investigation, alert (a hit's too) or message thread. */
export function timelinePath(event: Pick<CompanyTimelineEvent, 'kind' | 'id'>): string {
  switch (event.kind) {
    case 'case':
      return `/seizures/${event.id}`;
    case 'investigation':
      return `/investigations/${event.id}`;
    case 'alert':
    case 'alert_hit':
      return `/alerts/${event.id}`;
    case 'message':
      return `/messages/${event.id}`;
  }
}

/** A case's roles of the company as the timeline sends them ("importer, consignee"), as codes. */
export function roleCodes(detail: string | null | undefined): string[] {
  return (detail ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

/** An investigation the reader is on that links the company, as its timeline shows it. */
export interface LinkedInvestigation {
  id: string;
  reference: string;
  title: string | null;
}

/** The investigations in timeline events, each once (the company may be linked in several roles), in the events' order. */
export function linkedInvestigations(events: readonly CompanyTimelineEvent[]): LinkedInvestigation[] {
  const seen = new Set<string>();
  const out: LinkedInvestigation[] = [];
  for (const e of events) {
    if (e.kind !== 'investigation' || seen.has(e.id)) continue;
    seen.add(e.id);
    out.push({ id: e.id, reference: e.reference ?? e.id, title: e.title ?? null });
  }
  return out;
}

/** A period: "2020-01-01 – 2022-06-30", "2020-01-01 –", "– 2022-06-30", or "" when open at both ends. */
export function periodText(from: string | null | undefined, until: string | null | undefined): string {
  if (!from && !until) return '';
  return [from ?? '', until ?? ''].join(' – ').trim();
}

/** A share as a percentage in the UI language ("25 %", "33,33 %"); "" for none. */
export function shareText(share: number | null | undefined, locale: string): string {
  if (share === null || share === undefined) return '';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(share / 100);
}

/** The cases a company appears in, each once (a case may name it in two roles), newest first as listed. */
export function distinctCases(cases: readonly CaseAppearance[]): CaseAppearance[] {
  const seen = new Set<string>();
  return cases.filter((c) => (seen.has(c.case_id) ? false : (seen.add(c.case_id), true)));
}

/** The dialogs of the profile: the same code says different things in each (a share on a person, on a relation). */
export type ProfileForm = 'person' | 'relation' | 'typology' | 'flag';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A field error of the company database in words: by its code where known, else the server's message. */
export function profileFieldMessage(t: Translate, form: ProfileForm, e: { field: string; code?: string; message: string }): string {
  switch (e.code) {
    case 'over_100':
      return t('companies:errors.over100');
    case 'before_start':
      return t('companies:errors.beforeStart');
    case 'not_allowed':
      return e.field === 'share_percent'
        ? t(form === 'relation' ? 'companies:errors.shareRelationsOnly' : 'companies:errors.shareHoldersOnly')
        : e.message;
    case 'range':
      if (e.field === 'share_percent') return t('companies:errors.shareRange');
      if (e.field === 'points') return t('companies:errors.pointsRange');
      return e.message;
    case 'not_found':
      if (e.field === 'person_id') return t('companies:errors.personNotFound');
      if (e.field === 'company_id') return t('companies:errors.companyNotFound');
      return fieldErrorMessage(t, e);
    case 'merged':
      return t('companies:errors.merged');
    case 'self':
      return t('companies:errors.self');
    case 'cycle':
      return t('companies:errors.cycle');
    case 'duplicate':
      return t('companies:errors.duplicateRelation');
    case 'not_linked':
      return t(e.field === 'investigation_id' ? 'companies:errors.notLinkedInvestigation' : 'companies:errors.notLinked');
    case 'one_of':
      return t('companies:errors.caseRequired');
    default:
      return fieldErrorMessage(t, e);
  }
}

/**
 * A refused change's field errors at the fields the dialog shows (`fields`), in words; the
 * others (a field the dialog does not have) in `unplaced`. Empty for anything but a 422.
 */
export function profileErrors(
  t: Translate,
  form: ProfileForm,
  error: unknown,
  fields: readonly string[],
): { fields: Record<string, string>; unplaced: string[] } {
  const out: { fields: Record<string, string>; unplaced: string[] } = { fields: {}, unplaced: [] };
  if (!isApiError(error)) return out;
  for (const e of error.problem?.errors ?? []) {
    const message = profileFieldMessage(t, form, e);
    if (fields.includes(e.field)) {
      if (!(e.field in out.fields)) out.fields[e.field] = message;
    } else out.unplaced.push(message);
  }
  return out;
}

/**
 * A refusal that is not about a field (409: the company was merged, the typology is recorded
 * already — against the case, or the investigation when `against` says so), in words; null otherwise.
 */
export function profileRefusal(t: Translate, error: unknown, against: 'case' | 'investigation' = 'case'): string | null {
  if (!isApiError(error) || error.status !== 409) return null;
  if (error.code === 'already_recorded') return t(against === 'investigation' ? 'companies:errors.alreadyRecordedInvestigation' : 'companies:errors.alreadyRecorded');
  if (error.code === 'merged') return t('companies:errors.companyMerged');
  return null;
}
