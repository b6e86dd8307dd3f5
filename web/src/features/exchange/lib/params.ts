import type { Scope } from '../api/exchange';
import { MAX_CASES, type ChosenCase } from '../components/CaseChooser';

export function isScope(v: string | null): v is Scope {
  return v === 'nominal' || v === 'non_nominal';
}

/** The scope a page's address starts from (`?scope=`): the narrower by default. */
export function scopeFromParams(params: URLSearchParams): Scope {
  const s = params.get('scope');
  return isScope(s) ? s : 'non_nominal';
}

/** The cases a page's address starts from (`?case=<id>`, repeated), at most as many as one exchange takes. */
export function casesFromParams(params: URLSearchParams): ChosenCase[] {
  return [...new Set(params.getAll('case'))].slice(0, MAX_CASES).map((id) => ({ id }));
}
