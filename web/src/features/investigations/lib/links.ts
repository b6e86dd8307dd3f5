/**
 * What an investigation is about: its links to seizure cases, register records, alerts, hits
 * and other investigations — where each one's page is, how they are grouped, and the links a
 * new investigation starts from when a record's page opens it (`/investigations/new?case_id=…`).
 */
import type { Link, LinkInput, TargetKind } from '../api/types';
import { LINK_ROLES, TARGET_KINDS } from '../api/types';

/** The page of a link's target. */
export function linkPath(kind: TargetKind, id: string): string {
  switch (kind) {
    case 'case':
      return `/seizures/${id}`;
    case 'person':
      return `/registers/persons/${id}`;
    case 'company':
      return `/registers/companies/${id}`;
    case 'conveyance':
      return `/registers/conveyances/${id}`;
    case 'alert':
      return `/alerts/${id}`;
    case 'alert_hit':
      return `/alerts/hits/${id}`;
    case 'investigation':
      return `/investigations/${id}`;
  }
}

/** The role a new link of `kind` gets unless the user chooses another. */
export function defaultRole(kind: TargetKind): string {
  return LINK_ROLES[kind][0] ?? 'related';
}

/** Whether `role` is one a link of `kind` may have. */
export function roleFits(kind: TargetKind, role: string): boolean {
  return LINK_ROLES[kind].includes(role);
}

/** The address parameters a record's page opens an investigation with, the link kind and role each gives. */
export const PREFILL_PARAMS: readonly { param: string; kind: TargetKind; role: string }[] = [
  { param: 'case_id', kind: 'case', role: 'origin' },
  { param: 'person_id', kind: 'person', role: 'suspect' },
  { param: 'company_id', kind: 'company', role: 'suspect' },
  { param: 'conveyance_id', kind: 'conveyance', role: 'used' },
  { param: 'alert_id', kind: 'alert', role: 'origin' },
  { param: 'hit_id', kind: 'alert_hit', role: 'origin' },
];

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The links a new investigation starts from, as the address gives them (each parameter may
 * repeat): in the order above, each record once; what is not a record id is left out.
 */
export function prefillLinks(params: URLSearchParams): LinkInput[] {
  const out: LinkInput[] = [];
  const seen = new Set<string>();
  for (const { param, kind, role } of PREFILL_PARAMS) {
    for (const raw of params.getAll(param)) {
      for (const part of raw.split(',')) {
        const id = part.trim().toLowerCase();
        if (!UUID.test(id) || seen.has(`${kind}:${id}`)) continue;
        seen.add(`${kind}:${id}`);
        out.push({ target_kind: kind, target_id: id, role });
      }
    }
  }
  return out;
}

/** Links by kind (in the order kinds are listed), each group in the order given; empty kinds left out. */
export function groupLinks(links: readonly Link[]): { kind: TargetKind; links: Link[] }[] {
  return TARGET_KINDS.map((kind) => ({ kind, links: links.filter((l) => l.target_kind === kind) })).filter((g) => g.links.length > 0);
}
