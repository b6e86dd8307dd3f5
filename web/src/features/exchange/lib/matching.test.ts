import { describe, expect, it } from 'vitest';
import { formatContribution, formatScore, recordPath } from './matching';

describe('the possible matches of a received person or company', () => {
  it('shows a score as a percentage rounded down, so a near-hit never reads as the threshold', () => {
    expect(formatScore(0.8756, 'en')).toBe('87.5%');
    expect(formatScore(0.7999, 'en')).toBe('79.9%');
    expect(formatScore(1, 'en')).toBe('100%');
    expect(formatScore(0.8, 'fr')).toBe('80\u00a0%');
  });

  it('signs a feature’s part of the score', () => {
    expect(formatContribution(0.1, 'en')).toBe('+0.10');
    expect(formatContribution(-0.05, 'en')).toBe('\u22120.05');
    expect(formatContribution(0, 'en')).toBe('0.00');
  });

  it('leads to the register record of each kind', () => {
    expect(recordPath({ kind: 'person', id: 'p' })).toBe('/registers/persons/p');
    expect(recordPath({ kind: 'company', id: 'c' })).toBe('/registers/companies/c');
    expect(recordPath({ kind: 'conveyance', id: 'v' })).toBe('/registers/conveyances/v');
  });
});
