/**
 * The compose form: its values (shaped like `CreateThread`, so the server's error paths such as
 * `template.feedback_due` are form paths too), prefill from the URL, the client checks that
 * mirror the contract, the mapping to `CreateThread`, and where server errors go.
 */
import { localInputToIso } from '@/lib/format';
import { fieldErrorMessage, placeServerErrors, serverPathToFormPath, type PlacedErrors } from '@/lib/forms';
import { participantRefs, recipientValue, type RecipientValue } from '@/lib/recipients';
import { attachmentIdsProblem, type Problem } from '@/lib/attachments';
import {
  THREAD_KINDS,
  type CreateThread,
  type FeedbackOutcome,
  type ParticipantRef,
  type ThreadKind,
  type ThreadTemplate,
  type WatchType,
} from '../api/types';

// a picked recipient, shared with the investigations' threads (the picker is shared too)
export { recipientValue, type RecipientValue };

export interface ComposeValues {
  kind: ThreadKind;
  subject: string;
  participants: RecipientValue[];
  urgent: boolean;
  handling: string;
  body: string;
  template: {
    case_id: string | null;
    watch: { type: WatchType | null; description: string; identifier: string; register_id: string | null };
    route: { origin: string | null; transit: string[]; destination: string | null; place: string };
    /** `datetime-local` values */
    expected_arrival: string;
    feedback_due: string;
    risk_indicators: string[];
    action_requested: string;
    warning_id: string | null;
    outcome: FeedbackOutcome | null;
  };
}

export function emptyCompose(kind: ThreadKind = 'general'): ComposeValues {
  return {
    kind,
    subject: '',
    participants: [],
    urgent: false,
    handling: '',
    body: '',
    template: {
      case_id: null,
      watch: { type: null, description: '', identifier: '', register_id: null },
      route: { origin: null, transit: [], destination: null, place: '' },
      expected_arrival: '',
      feedback_due: '',
      risk_indicators: [],
      action_requested: '',
      warning_id: null,
      outcome: null,
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?template=warning&case=<id>`, `?template=feedback&warning=<id>`, `?template=seizure&case=<id>`. */
export function composeFromParams(params: URLSearchParams): ComposeValues {
  const t = params.get('template') ?? '';
  const v = emptyCompose((THREAD_KINDS as readonly string[]).includes(t) ? (t as ThreadKind) : 'general');
  const caseId = params.get('case');
  const warning = params.get('warning');
  if (caseId && UUID.test(caseId)) v.template.case_id = caseId;
  if (warning && UUID.test(warning)) v.template.warning_id = warning;
  return v;
}

export type ComposeErrors = Record<string, Problem>;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** The body's problem as an i18n key (shared with the reply box), or null. */
export function bodyError(body: string): string | null {
  if (!body.trim()) return 'validation.required';
  if (utf8Length(body) > 65536) return 'validation.tooLong';
  return null;
}

export function validateCompose(v: ComposeValues, now: Date = new Date()): ComposeErrors {
  const e: ComposeErrors = {};
  const required = (path: string, value: string | null | undefined) => {
    if (!value || !value.trim()) e[path] = { key: 'validation.required' };
  };
  const max = (path: string, value: string, n: number) => {
    if ([...value.trim()].length > n) e[path] = { key: 'validation.tooLong', values: { max: n } };
  };
  required('subject', v.subject);
  max('subject', v.subject, 300);
  if (v.participants.length === 0 && v.kind !== 'feedback') e.participants = { key: 'messaging.validation.participantsRequired' };
  if (v.participants.length > 200) e.participants = { key: 'messaging.validation.tooMany', values: { max: 200 } };
  const body = bodyError(v.body);
  if (body) e.body = { key: body, values: { max: 65536 } };
  max('handling', v.handling, 200);

  const tpl = v.template;
  if (v.kind === 'warning') {
    if (!tpl.watch.type) e['template.watch.type'] = { key: 'validation.required' };
    required('template.watch.description', tpl.watch.description);
    max('template.watch.description', tpl.watch.description, 500);
    max('template.watch.identifier', tpl.watch.identifier, 100);
    if (tpl.route.transit.length > 10) e['template.route.transit'] = { key: 'messaging.validation.tooMany', values: { max: 10 } };
    max('template.route.place', tpl.route.place, 200);
    if (tpl.risk_indicators.length > 20) e['template.risk_indicators'] = { key: 'messaging.validation.tooMany', values: { max: 20 } };
    else if (tpl.risk_indicators.some((r) => [...r.trim()].length > 200))
      e['template.risk_indicators'] = { key: 'validation.tooLong', values: { max: 200 } };
    required('template.action_requested', tpl.action_requested);
    max('template.action_requested', tpl.action_requested, 2000);
    if (tpl.expected_arrival && !localInputToIso(tpl.expected_arrival)) e['template.expected_arrival'] = { key: 'messaging.validation.dateTime' };
    const due = localInputToIso(tpl.feedback_due);
    if (!tpl.feedback_due) e['template.feedback_due'] = { key: 'validation.required' };
    else if (!due) e['template.feedback_due'] = { key: 'messaging.validation.dateTime' };
    else if (new Date(due).getTime() <= now.getTime()) e['template.feedback_due'] = { key: 'messaging.validation.mustBeFuture' };
  }
  if (v.kind === 'feedback') {
    if (!tpl.warning_id) e['template.warning_id'] = { key: 'validation.required' };
    if (!tpl.outcome) e['template.outcome'] = { key: 'validation.required' };
    if (tpl.outcome === 'seized' && !tpl.case_id) e['template.case_id'] = { key: 'messaging.validation.caseWhenSeized' };
  }
  if (v.kind === 'seizure' && !tpl.case_id) e['template.case_id'] = { key: 'messaging.validation.caseRequired' };
  return e;
}

const opt = (s: string) => s.trim() || null;

export function composeToCreate(v: ComposeValues): CreateThread {
  const tpl = v.template;
  const participants: ParticipantRef[] = participantRefs(v.participants);
  let template: ThreadTemplate;
  switch (v.kind) {
    case 'warning': {
      const r = tpl.route;
      const hasRoute = !!(r.origin || r.destination || r.transit.length || r.place.trim());
      template = {
        kind: 'warning',
        case_id: tpl.case_id,
        watch: {
          type: tpl.watch.type ?? 'other',
          description: tpl.watch.description.trim(),
          identifier: opt(tpl.watch.identifier),
          register_id: tpl.watch.register_id,
        },
        route: hasRoute ? { origin: r.origin, transit: r.transit, destination: r.destination, place: opt(r.place) } : null,
        expected_arrival: localInputToIso(tpl.expected_arrival) ?? null,
        risk_indicators: tpl.risk_indicators.map((x) => x.trim()).filter(Boolean),
        action_requested: tpl.action_requested.trim(),
        feedback_due: localInputToIso(tpl.feedback_due) ?? '',
      };
      break;
    }
    case 'feedback':
      template = { kind: 'feedback', warning_id: tpl.warning_id ?? '', outcome: tpl.outcome ?? 'not_controlled', case_id: tpl.case_id };
      break;
    case 'seizure':
      template = { kind: 'seizure', case_id: tpl.case_id ?? '' };
      break;
    default:
      template = { kind: 'general', case_id: tpl.case_id };
  }
  return { subject: v.subject.trim(), participants, body: v.body, urgent: v.urgent, handling: opt(v.handling), template };
}

/**
 * A server field error in the UI language when its code is known, else the server's message.
 * `in_past` is a deadline that must lie ahead ("Must be in the future."); the generic `future`
 * is the opposite, a date that must not ("Must not be in the future.").
 */
export function composeErrorMessage(
  t: (key: string, options?: Record<string, unknown>) => string,
  e: { field?: string; code?: string; message: string },
): string {
  const files = attachmentIdsProblem(e);
  if (files) return t(files.key, files.values);
  return e.code === 'in_past' ? t('messaging.validation.mustBeFuture') : fieldErrorMessage(t, e);
}

/** Every path at which the form of this template shows an error. */
export function composeErrorPaths(kind: ThreadKind): Set<string> {
  const paths = ['kind', 'subject', 'participants', 'urgent', 'handling', 'body', 'attachment_ids', 'template.case_id'];
  if (kind === 'warning') {
    paths.push(
      'template.watch.type',
      'template.watch.description',
      'template.watch.identifier',
      'template.watch.register_id',
      'template.route.origin',
      'template.route.transit',
      'template.route.destination',
      'template.route.place',
      'template.expected_arrival',
      'template.risk_indicators',
      'template.action_requested',
      'template.feedback_due',
    );
  }
  if (kind === 'feedback') paths.push('template.warning_id', 'template.outcome');
  return new Set(paths);
}

/**
 * Places a 422's errors: `template.kind` at the template picker, `participants[1].unit_id` at
 * the recipient picker naming that recipient, the rest at their field or the nearest one.
 */
export function placeComposeErrors(errors: readonly { field: string; message: string; code?: string }[], v: ComposeValues): PlacedErrors {
  const renamed = errors.map((err) => {
    const path = serverPathToFormPath(err.field);
    if (path === 'template.kind') return { ...err, field: 'kind' };
    const m = /^participants\.(\d+)/.exec(path);
    const who = m ? v.participants[Number(m[1])] : undefined;
    return who ? { ...err, field: 'participants', message: `${who.name}: ${err.message || err.code || ''}` } : err;
  });
  return placeServerErrors(renamed, composeErrorPaths(v.kind));
}

/** A `datetime-local` input value for `d`, in the browser's time zone. */
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface PrefillText {
  feedbackSubject: (warningSubject: string) => string;
  seizureSubject: (reference: string) => string;
}

/** Feedback on `warning`: goes to the warning's author, subject after the warning's (unless already set). */
export function withWarning(
  v: ComposeValues,
  warning: { id: string; subject: string; created_by: string; created_by_name: string } | null,
  text: PrefillText,
): ComposeValues {
  if (!warning) return { ...v, template: { ...v.template, warning_id: null } };
  const author: RecipientValue = {
    value: `user:${warning.created_by}`,
    user_id: warning.created_by,
    unit_id: null,
    name: warning.created_by_name,
    detail: null,
  };
  return {
    ...v,
    subject: v.subject.trim() ? v.subject : text.feedbackSubject(warning.subject),
    participants: v.participants.length ? v.participants : [author],
    template: { ...v.template, warning_id: warning.id },
  };
}

/** A seizure message about a case: subject after its reference (unless already set). */
export function withCaseReference(v: ComposeValues, reference: string | null | undefined, text: PrefillText): ComposeValues {
  if (v.kind !== 'seizure' || !reference || v.subject.trim()) return v;
  return { ...v, subject: text.seizureSubject(reference) };
}
