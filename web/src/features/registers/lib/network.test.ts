import { describe, expect, it } from 'vitest';
import type { CompanyNetwork } from '@/api/types';
import { network } from '../test/companyFixtures';
import { bandOf, edgeKinds, isDissolved, mergeNeighbours, moreCount, nodeLook, nodePath, visibleNetwork } from './network';

const ROOT = 'company:c1';
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('the network as shown', () => {
  it('draws identifiers as one look, and knows the page a company or a person opens', () => {
    expect(nodeLook('vat')).toBe('identifier');
    expect(nodeLook('lei')).toBe('identifier');
    expect(nodeLook('iban')).toBe('iban');
    expect(nodePath({ kind: 'company', record_id: 'c2' })).toBe('/registers/companies/c2');
    expect(nodePath({ kind: 'person', record_id: 'p1' })).toBe('/registers/persons/p1');
    expect(nodePath({ kind: 'address', record_id: null })).toBeNull();
  });

  it('bands a company’s score under the thresholds, and tells a dissolved company apart', () => {
    const t = { medium: 30, high: 60 };
    expect([bandOf(0, t), bandOf(29, t), bandOf(30, t), bandOf(60, t), bandOf(null, t), bandOf(50, null)]).toEqual(['low', 'low', 'medium', 'high', null, null]);
    expect(isDissolved({ kind: 'company', status: 'dissolved' })).toBe(true);
    expect(isDissolved({ kind: 'company', status: 'deregistered' })).toBe(true);
    expect(isDissolved({ kind: 'company', status: 'active' })).toBe(false);
  });

  it('lists the edge kinds present: roles, relations, then what is shared', () => {
    expect(edgeKinds(network.edges)).toEqual(['director', 'parent_of', 'address']);
    expect(edgeKinds([...network.edges, { source: 'a', target: 'b', kind: 'zz_new' }])).toEqual(['director', 'parent_of', 'address', 'zz_new']);
  });

  it('hides the edges of a kind, and the nodes only they reached', () => {
    const all = visibleNetwork(network, ROOT, new Set());
    expect(ids(all.nodes)).toEqual(ids(network.nodes));
    const noAddress = visibleNetwork(network, ROOT, new Set(['address']));
    expect(ids(noAddress.nodes)).toEqual(['company:c1', 'person:p1', 'company:c2']);
    expect(noAddress.edges.map((e) => e.kind)).toEqual(['director', 'parent_of']);
    const nothing = visibleNetwork(network, ROOT, new Set(['address', 'director', 'parent_of']));
    expect(ids(nothing.nodes)).toEqual(['company:c1']);
    expect(nothing.edges).toEqual([]);
  });

  it('merges a page of neighbours: new nodes one hop further, no edge twice, the node less truncated', () => {
    const page: CompanyNetwork = {
      nodes: [
        { id: 'company:c9', kind: 'company', label: 'Shell One', record_id: 'c9', status: 'active', risk_score: 80, depth: 1 },
        { id: 'address:1 quay street', kind: 'address', label: '1 Quay Street', depth: 0 },
      ],
      edges: [
        { source: 'company:c9', target: 'address:1 quay street', kind: 'address' },
        { source: 'company:c3', target: 'address:1 quay street', kind: 'address' },
      ],
      truncated: [],
      capped: false,
    };
    expect(moreCount(network, 'address:1 quay street')).toBe(70);
    const merged = mergeNeighbours(network, page, 'address:1 quay street', 50, 50);
    expect(merged.nodes.find((n) => n.id === 'company:c9')?.depth).toBe(2);
    expect(merged.nodes.filter((n) => n.id === 'address:1 quay street')).toHaveLength(1);
    expect(merged.edges).toHaveLength(network.edges.length + 1);
    expect(merged.truncated).toEqual([{ node: 'address:1 quay street', shown: 100, total: 120 }]);
    expect(moreCount(merged, 'address:1 quay street')).toBe(20);
    // the last page: no longer truncated
    expect(mergeNeighbours(merged, { ...page, nodes: [], edges: [] }, 'address:1 quay street', 100, 50).truncated).toEqual([]);
  });
});
