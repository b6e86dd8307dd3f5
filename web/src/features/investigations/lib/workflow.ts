/**
 * The workflow as the buttons say it. The server computes which statuses the caller may move
 * an investigation to (`next_statuses`); this names each move from where it starts
 * (`under_review → in_progress` sends a review back; leaving `suspended` resumes it).
 */
import type { InvestigationStatus } from '../api/types';

export type TransitionAction = Exclude<InvestigationStatus, 'opened'> | 'resume' | 'sendBack';

export function transitionAction(from: InvestigationStatus, to: InvestigationStatus): TransitionAction {
  if (from === 'suspended' && to !== 'closed') return 'resume';
  if (from === 'under_review' && to === 'in_progress') return 'sendBack';
  return to === 'opened' ? 'reopened' : to;
}

/** A move that needs a lead named first (the server answers 409 otherwise). */
export function needsLead(to: InvestigationStatus): boolean {
  return to === 'assigned' || to === 'in_progress' || to === 'under_review';
}

/** The order buttons are shown in: forward moves first, then suspend, close. */
const ORDER: InvestigationStatus[] = ['assigned', 'in_progress', 'under_review', 'reopened', 'opened', 'suspended', 'closed'];

export function orderedNext(next: readonly InvestigationStatus[]): InvestigationStatus[] {
  return [...next].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}
