import type { SavedSearchQuery, SearchTarget } from '@/lib/savedSearch';
import type { RegisterSearch } from '@/lib/registerSearch';
import type { SeizureSearch } from '@/lib/seizureSearch';
import { RegisterSearchSummary } from './RegisterSearchSummary';
import { SeizureSearchSummary } from './SeizureSearchSummary';

/** A saved search's filters in words, as the list it searches (`target`) names them. */
export function SavedSearchSummary({ target, query, links = false }: { target: SearchTarget; query: SavedSearchQuery; links?: boolean }) {
  return target === 'seizures' ? (
    <SeizureSearchSummary search={query as SeizureSearch} links={links} />
  ) : (
    <RegisterSearchSummary target={target} search={query as RegisterSearch} links={links} />
  );
}
