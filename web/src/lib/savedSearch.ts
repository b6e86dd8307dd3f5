/**
 * What a saved search searches (`target`) and its filters (`query`), whichever list they are
 * of: the seizure list (./seizureSearch.ts) or a register (./registerSearch.ts). The API types
 * `query` as the union of the lists' filters; `target` says which one it holds.
 */
import type { components } from '@/api/schema';
import { registerFieldLabel, registerListPath, registerSearchEntries, type RegisterSearch, type SearchTarget } from './registerSearch';
import { searchEntries, searchFieldLabel, seizureListPath, type SeizureSearch } from './seizureSearch';

export type SavedSearchQuery = components['schemas']['SavedSearchInput']['query'];
export type { SearchTarget };

/** The list showing a saved search's cases or records today ("open in the list"). */
export function searchListPath(target: SearchTarget, query: SavedSearchQuery): string {
  return target === 'seizures' ? seizureListPath(query as SeizureSearch) : registerListPath(target, query as RegisterSearch);
}

/** How many filters a saved search sets (none: everything the list holds is a hit). */
export function searchFilterCount(target: SearchTarget, query: SavedSearchQuery): number {
  return target === 'seizures' ? searchEntries(query as SeizureSearch).length : registerSearchEntries(target, query as RegisterSearch).length;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A filter's name (a field of the query, as the server's field errors give it after `query.`). */
export function savedSearchFieldLabel(t: Translate, target: SearchTarget, field: string): string {
  return target === 'seizures' ? searchFieldLabel(t, field) : registerFieldLabel(t, target, field);
}
