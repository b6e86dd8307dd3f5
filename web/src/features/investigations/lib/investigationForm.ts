/**
 * The investigation form: its values, the client checks (values are keys of the
 * `investigations` namespace), the request each gives and where the server's field errors go.
 */
import type { Investigation, InvestigationInput, InvestigationPatch, LinkInput } from '../api/types';
import { isDay, today } from './format';

/** A user chosen (the lead): id and name. */
export interface Chosen {
  id: string;
  label: string;
}

export interface InvestigationFormValues {
  title: string;
  summary: string;
  priority: string | null;
  legal_basis: string;
  offence_types: string[];
  due_date: string;
  lead: Chosen | null;
  /** The first links (a new investigation only). */
  links: LinkInput[];
}

export const INVESTIGATION_FORM = 'investigation';
export const MAX_TITLE = 200;
export const MAX_SUMMARY = 20000;
export const MAX_LEGAL_BASIS = 1000;
export const MAX_OFFENCES = 10;

export function emptyInvestigationForm(links: LinkInput[] = []): InvestigationFormValues {
  return { title: '', summary: '', priority: 'medium', legal_basis: '', offence_types: [], due_date: '', lead: null, links };
}

export function investigationToForm(inv: Investigation): InvestigationFormValues {
  return {
    title: inv.title,
    summary: inv.summary,
    priority: inv.priority,
    legal_basis: inv.legal_basis,
    offence_types: [...inv.offence_types],
    due_date: inv.due_date ?? '',
    lead: inv.lead ? { id: inv.lead.id, label: inv.lead.name } : null,
    links: [],
  };
}

/**
 * The client checks: form path → key. `openedOn`: a due date may not come before it (today for
 * a new investigation). The server checks again.
 */
export function validateInvestigation(v: InvestigationFormValues, openedOn: string = today()): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.title.trim()) out.title = 'validation.required';
  else if (v.title.trim().length > MAX_TITLE) out.title = 'validation.tooLong';
  if (v.summary.length > MAX_SUMMARY) out.summary = 'validation.tooLong';
  if (!v.priority) out.priority = 'validation.required';
  if (!v.legal_basis.trim()) out.legal_basis = 'validation.required';
  else if (v.legal_basis.trim().length > MAX_LEGAL_BASIS) out.legal_basis = 'validation.tooLong';
  if (v.offence_types.length > MAX_OFFENCES) out.offence_types = 'validation.length';
  if (v.due_date) {
    if (!isDay(v.due_date)) out.due_date = 'validation.day';
    else if (v.due_date < openedOn) out.due_date = 'validation.dueBeforeOpening';
  }
  return out;
}

const text = (v: string): string | null => (v.trim() ? v.trim() : null);

/** A new investigation as the API takes it (the lead only when `withLead`: a supervisor names it). */
export function investigationInput(v: InvestigationFormValues, withLead: boolean): InvestigationInput {
  return {
    title: v.title.trim(),
    summary: text(v.summary),
    priority: v.priority ?? '',
    legal_basis: v.legal_basis.trim(),
    offence_types: v.offence_types,
    due_date: v.due_date || null,
    lead_id: withLead ? (v.lead?.id ?? null) : null,
    links: v.links.map((l) => ({ target_kind: l.target_kind, target_id: l.target_id, role: l.role, note: l.note?.trim() || null })),
  };
}

/** The investigation's fields as a correction compares them (the merge patch is their difference). */
export function investigationPatchSource(v: InvestigationFormValues): InvestigationPatch {
  return {
    title: v.title.trim(),
    summary: v.summary.trim(),
    priority: v.priority,
    legal_basis: v.legal_basis.trim(),
    offence_types: v.offence_types,
    due_date: v.due_date || null,
    lead_id: v.lead?.id ?? null,
  };
}

/** Where the form shows an error, in page order (and one per first link: `links.0`…). */
export const FORM_FIELDS = ['title', 'priority', 'due_date', 'lead_id', 'legal_basis', 'offence_types', 'summary'] as const;
