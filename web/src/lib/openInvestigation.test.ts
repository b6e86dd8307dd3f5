import { describe, expect, it } from 'vitest';
import { openInvestigationPath } from './openInvestigation';

describe('openInvestigationPath', () => {
  it('carries the origin as the form prefills it', () => {
    expect(openInvestigationPath({ caseId: 'c1', personId: 'p1' })).toBe('/investigations/new?case_id=c1&person_id=p1');
    expect(openInvestigationPath({ hitId: 'h1' })).toBe('/investigations/new?hit_id=h1');
    expect(openInvestigationPath({})).toBe('/investigations/new');
  });
});
