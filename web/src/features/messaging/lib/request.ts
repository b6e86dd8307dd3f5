/** A request for information (a thread of kind `request`, started from an investigation): its state, and the refusals of an answer. */
import { isApiError } from '@/api/errors';
import type { ThreadDetail } from '../api/types';

/** Where a request stands: answered (once), past its due date unanswered, or open. */
export type RequestState = 'answered' | 'overdue' | 'open';

export function requestState(thread: Pick<ThreadDetail, 'answer_id' | 'answered_at' | 'overdue'>): RequestState {
  if (thread.answer_id || thread.answered_at) return 'answered';
  return thread.overdue ? 'overdue' : 'open';
}

/**
 * Whether the user may mark a reply as the answer: a participant other than the request's
 * author, while the request is unanswered (the server checks it again: 409 `own_request`,
 * `already_answered`).
 */
export function canAnswer(thread: Pick<ThreadDetail, 'kind' | 'created_by' | 'answer_id' | 'answered_at'>, meId: string | undefined): boolean {
  return thread.kind === 'request' && !!meId && thread.created_by !== meId && !thread.answer_id && !thread.answered_at;
}

/** The 409 codes of an answer, and the key that says each. */
const ANSWER_CONFLICTS: Record<string, string> = {
  not_a_request: 'messaging.request.errors.notARequest',
  own_request: 'messaging.request.errors.ownRequest',
  already_answered: 'messaging.request.errors.alreadyAnswered',
};

/** The key of an answer's refusal (409), or null for any other failure. */
export function answerRefusalKey(error: unknown): string | null {
  if (!isApiError(error) || error.status !== 409 || !error.code) return null;
  return ANSWER_CONFLICTS[error.code] ?? null;
}
