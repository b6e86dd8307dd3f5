/**
 * The alert form: its values, the defaults (valid from today for six months), the client
 * checks (values are i18n keys), the request each gives, and where the server's field errors
 * are shown. Dates are calendar days (`YYYY-MM-DD`) as the server counts them, in UTC.
 */
import { fieldErrorMessage } from '@/lib/forms';
import type { Alert, AlertIdentifierKind, AlertInput, RiskLevel, RequestedAction, SubjectKind } from '../api/types';
import { IDENTIFIER_KINDS, SUBJECT_KINDS } from '../api/types';

/** A register record chosen as the subject: its id and how it reads. */
export interface Choice {
  id: string;
  label: string;
}

export interface AlertFormValues {
  subject_kind: SubjectKind;
  /** The person, company or conveyance (as `subject_kind` says). */
  record: Choice | null;
  identifier_kind: AlertIdentifierKind | null;
  identifier: string;
  reason: string;
  risk_level: RiskLevel | null;
  requested_action: RequestedAction | null;
  handling_instructions: string;
  valid_from: string;
  valid_until: string;
}

/** The form's name: its fields' element ids start with it (`@/lib/formErrors`). */
export const ALERT_FORM = 'alert';
/** An alert is valid for at most this many months, then renewed (the server's rule). */
export const MAX_MONTHS = 12;
/** A new alert's validity, by default. */
export const DEFAULT_MONTHS = 6;
export const MAX_REASON = 4000;
export const MAX_HANDLING = 1000;
export const MAX_IDENTIFIER = 64;

// ---- days

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today as the server counts it (UTC), `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whether `v` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(v: string): boolean {
  const m = DAY.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

/**
 * `day` plus `months` calendar months; a day the target month lacks becomes its last day
 * (31 August + 6 months = 28 or 29 February), as the server computes it.
 */
export function addMonths(day: string, months: number): string {
  const m = DAY.exec(day);
  if (!m) return day;
  const year = Number(m[1]);
  const month = Number(m[2]) - 1 + months;
  const target = new Date(Date.UTC(year, month, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(Number(m[3]), last));
  return target.toISOString().slice(0, 10);
}

// ---- labels (as the seizure form and the registers write them)

export function personLabel(p: { family_name: string; given_names?: string | null; date_of_birth?: string | null }): string {
  const name = [p.family_name.toUpperCase(), p.given_names].filter(Boolean).join(' ');
  return p.date_of_birth ? `${name} (${p.date_of_birth})` : name;
}
export function companyLabel(c: { name: string; country?: string | null }): string {
  return c.country ? `${c.name} (${c.country})` : c.name;
}
export function conveyanceLabel(c: { identifier: string; name?: string | null }): string {
  return c.name ? `${c.identifier} — ${c.name}` : c.identifier;
}

// ---- values

export function emptyAlertForm(day: string = today()): AlertFormValues {
  return {
    subject_kind: 'person',
    record: null,
    identifier_kind: null,
    identifier: '',
    reason: '',
    risk_level: null,
    requested_action: null,
    handling_instructions: '',
    valid_from: day,
    valid_until: addMonths(day, DEFAULT_MONTHS),
  };
}

/** The record a link asks the new alert to be about: `?person_id=…`, `?company_id=…` or `?conveyance_id=…`. */
export function prefillFromParams(params: URLSearchParams): { kind: 'person' | 'company' | 'conveyance'; id: string } | null {
  for (const kind of ['person', 'company', 'conveyance'] as const) {
    const id = params.get(`${kind}_id`)?.trim();
    if (id) return { kind, id };
  }
  return null;
}

/** A draft as the form edits it. */
export function alertToForm(a: Alert): AlertFormValues {
  const recordId = a.person_id ?? a.company_id ?? a.conveyance_id ?? null;
  const kind = (IDENTIFIER_KINDS as readonly string[]).includes(a.identifier_kind ?? '') ? (a.identifier_kind as AlertIdentifierKind) : null;
  return {
    subject_kind: a.subject_kind,
    record: a.subject_kind !== 'identifier' && recordId ? { id: recordId, label: a.subject_label } : null,
    identifier_kind: a.subject_kind === 'identifier' ? kind : null,
    identifier: a.subject_kind === 'identifier' ? (a.identifier ?? '') : '',
    reason: a.reason,
    risk_level: a.risk_level,
    requested_action: a.requested_action,
    handling_instructions: a.handling_instructions ?? '',
    valid_from: a.valid_from,
    valid_until: a.valid_until,
  };
}

const text = (v: string): string | null => (v.trim() ? v.trim() : null);

/**
 * The alert as the API takes it: only the subject `subject_kind` names (the others null), text
 * trimmed, blanks as null. Call after `validateAlert` (risk level and action are then set).
 */
export function alertInput(v: AlertFormValues): AlertInput {
  const record = (kind: SubjectKind) => (v.subject_kind === kind ? (v.record?.id ?? null) : null);
  const identifier = v.subject_kind === 'identifier';
  return {
    subject_kind: v.subject_kind,
    person_id: record('person'),
    company_id: record('company'),
    conveyance_id: record('conveyance'),
    identifier_kind: identifier ? v.identifier_kind : null,
    identifier: identifier ? text(v.identifier) : null,
    reason: v.reason.trim(),
    risk_level: v.risk_level as RiskLevel,
    requested_action: v.requested_action as RequestedAction,
    handling_instructions: text(v.handling_instructions),
    valid_from: v.valid_from || null,
    valid_until: v.valid_until,
  };
}

/** The client checks: form path → i18n key. The server checks again (and the subject exists). */
export function validateAlert(v: AlertFormValues, day: string = today()): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(SUBJECT_KINDS as readonly string[]).includes(v.subject_kind)) out.subject_kind = 'validation.required';
  if (v.subject_kind === 'identifier') {
    if (!v.identifier_kind) out.identifier_kind = 'validation.required';
    if (!v.identifier.trim()) out.identifier = 'validation.required';
    else if (v.identifier.trim().length > MAX_IDENTIFIER) out.identifier = 'alerts.validation.identifierTooLong';
  } else if (!v.record) {
    out.record = 'alerts.validation.pickRecord';
  }
  if (!v.reason.trim()) out.reason = 'validation.required';
  if (!v.risk_level) out.risk_level = 'validation.required';
  if (!v.requested_action) out.requested_action = 'validation.required';
  const from = v.valid_from || day;
  if (v.valid_from && !isDay(v.valid_from)) out.valid_from = 'alerts.validation.day';
  else if (from > addMonths(day, MAX_MONTHS)) out.valid_from = 'alerts.validation.startTooLate';
  if (!v.valid_until) out.valid_until = 'validation.required';
  else if (!isDay(v.valid_until)) out.valid_until = 'alerts.validation.day';
  else if (v.valid_until < from) out.valid_until = 'alerts.validation.beforeStart';
  else if (v.valid_until > addMonths(from, MAX_MONTHS)) out.valid_until = 'alerts.validation.tooLong';
  else if (v.valid_until < day) out.valid_until = 'alerts.validation.past';
  return out;
}

/** Where the form can show an error, in page order. */
export const ALERT_ERROR_PATHS: ReadonlySet<string> = new Set([
  'subject_kind',
  'record',
  'identifier_kind',
  'identifier',
  'reason',
  'risk_level',
  'requested_action',
  'handling_instructions',
  'valid_from',
  'valid_until',
]);

/** The form path of a server field error: the subject's id, whichever register, is the record picker. */
export function alertErrorPath(field: string): string {
  return field === 'person_id' || field === 'company_id' || field === 'conveyance_id' ? 'record' : field;
}

const ALERT_CODES: Record<string, string> = {
  too_long: 'alerts.validation.tooLong',
  past: 'alerts.validation.past',
  not_for_subject: 'alerts.validation.notForSubject',
};

/** A server field error in the UI language when its code is known, else the server's message. */
export function alertFieldErrorMessage(t: (key: string) => string, e: { field: string; code?: string; message: string }): string {
  if (e.code === 'range') return t(e.field === 'valid_from' ? 'alerts.validation.startTooLate' : 'alerts.validation.beforeStart');
  const key = e.code ? ALERT_CODES[e.code] : undefined;
  return key ? t(key) : fieldErrorMessage(t, e);
}

/** The latest day a renewal may run to (12 months from today), and its default (6 months, or the current end if later). */
export function renewalBounds(day: string = today(), currentUntil?: string): { max: string; initial: string } {
  const max = addMonths(day, MAX_MONTHS);
  const six = addMonths(day, DEFAULT_MONTHS);
  const initial = currentUntil && currentUntil > six && currentUntil <= max ? currentUntil : six;
  return { max, initial };
}
