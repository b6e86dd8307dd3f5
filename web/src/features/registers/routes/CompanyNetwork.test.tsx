import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CompanyNetwork } from '@/api/types';
import { json, renderCompany } from '../test/companyFixtures';

configure({ asyncUtilTimeout: 5000 });

/**
 * jsdom has no canvas: Cytoscape (imported on demand by the graph) is replaced by a fake that
 * records what the page asks of it.
 */
const cy = vi.hoisted(() => {
  const state = {
    added: [] as { group: string; data: Record<string, unknown> }[][],
    layouts: [] as { name: string }[],
    handlers: new Map<string, (e: { target: { data: (k: string) => unknown } }) => void>(),
    fit: vi.fn(),
    png: vi.fn(() => new Blob(['png'], { type: 'image/png' })),
    destroy: vi.fn(),
    create: vi.fn(),
  };
  const core = {
    on: (event: string, selector: string, handler: (e: { target: { data: (k: string) => unknown } }) => void) => state.handlers.set(`${event} ${selector}`, handler),
    batch: (f: () => void) => f(),
    elements: () => ({ remove: () => undefined }),
    add: (els: { group: string; data: Record<string, unknown> }[]) => state.added.push(els),
    layout: (options: { name: string }) => {
      state.layouts.push(options);
      return { run: () => undefined };
    },
    fit: state.fit,
    png: state.png,
    destroy: state.destroy,
  };
  state.create.mockImplementation(() => core);
  return state;
});
vi.mock('cytoscape', () => ({ default: cy.create }));

const NETWORK = '/api/v1/companies/c1/network';
const NEIGHBOURS = '/api/v1/companies/c1/network/neighbours';

/** The graph's last drawing: its node ids and edge kinds. */
const drawn = () => {
  const last = cy.added.at(-1) ?? [];
  return {
    nodes: last.filter((e) => e.group === 'nodes').map((e) => e.data),
    edges: last.filter((e) => e.group === 'edges').map((e) => e.data.label),
  };
};
const nodeRows = () => within(screen.getByTestId('network-nodes')).getAllByRole('row').slice(1);
const nodeNames = () => nodeRows().map((r) => within(r).getAllByRole('cell')[1]!.textContent);

beforeEach(() => {
  cy.added.length = 0;
  cy.layouts.length = 0;
  cy.handlers.clear();
  cy.fit.mockClear();
  cy.png.mockClear();
  cy.create.mockClear();
});
afterEach(() => vi.unstubAllGlobals());

describe('the network tab', { timeout: 60_000 }, () => {
  it('draws the network with Cytoscape (loaded on demand) and lists its nodes and links', async () => {
    const { to } = renderCompany('/registers/companies/c1?tab=network');
    await screen.findByTestId('network-nodes');
    await waitFor(() => expect(screen.getByTestId('network-graph')).toHaveAttribute('data-status', 'ready'));
    expect(to(NETWORK)[0]?.query).toEqual({ depth: '2' });

    expect(nodeRows().map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['Company', 'Acme Freight BVThis company', 'Active', 'Risk: High (72/100)', '0', '—'],
      ['Person', 'DUPONT Jean', '—', '—', '1', '—'],
      ['Company', 'Acme Holding SA', 'Active', 'Risk: High (65/100)', '1', '—'],
      ['Address', '1 Quay Street, 3011 AA Rotterdam', '—', '—', '1', '+70 moreShow 50 more'],
      ['Company', 'Old Acme BV', 'Dissolved', 'Risk: Medium (40/100)', '2', '—'],
    ]);
    expect(within(nodeRows()[1]!).getByRole('link', { name: 'DUPONT Jean' })).toHaveAttribute('href', '/registers/persons/p1');
    const edges = within(screen.getByTestId('network-edges')).getAllByRole('row').slice(1);
    expect(edges.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['DUPONT Jean', 'director', 'Acme Freight BV', '2020-01-01 –', '—'],
      ['Acme Holding SA', 'parent of', 'Acme Freight BV', '—', '100%'],
      ['Acme Freight BV', 'address', '1 Quay Street, 3011 AA Rotterdam', '—', '—'],
      ['Old Acme BV', 'address', '1 Quay Street, 3011 AA Rotterdam', '—', '—'],
    ]);

    // the graph: styled by kind, companies by risk band (the profile's thresholds), the dissolved apart
    await waitFor(() => expect(drawn().nodes).toHaveLength(5));
    const byId = Object.fromEntries(drawn().nodes.map((n) => [n.id, n]));
    expect(byId['company:c1']).toMatchObject({ look: 'company', band: 'high', root: true, path: null });
    expect(byId['person:p1']).toMatchObject({ look: 'person', band: null, path: '/registers/persons/p1' });
    expect(byId['company:c3']).toMatchObject({ look: 'company', band: 'medium', dissolved: true });
    expect(byId['address:1 quay street']).toMatchObject({ look: 'address', label: '1 Quay Street, 3011 AA Rotterdam (+70)' });
    expect(drawn().edges).toEqual(['director', 'parent of', 'address', 'address']);
    expect(cy.layouts.at(-1)?.name).toBe('cose');
  });

  it('hides the links of a kind unticked, and what only they reached', async () => {
    renderCompany('/registers/companies/c1?tab=network');
    await screen.findByTestId('network-nodes');
    const kinds = screen.getByTestId('network-edge-kinds');
    expect(within(kinds).getAllByRole('checkbox').map((c) => (c as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['director', 'parent of', 'address']);
    await userEvent.click(within(kinds).getByRole('checkbox', { name: 'address' }));
    expect(nodeNames()).toEqual(['Acme Freight BVThis company', 'DUPONT Jean', 'Acme Holding SA']);
    expect(screen.getByTestId('network-hidden')).toHaveTextContent('Hidden by the link filters: 2');
    await waitFor(() => expect(drawn().nodes.map((n) => n.id)).toEqual(['company:c1', 'person:p1', 'company:c2']));
    await userEvent.click(within(kinds).getByRole('checkbox', { name: 'address' }));
    expect(nodeRows()).toHaveLength(5);
  });

  it('reads the network again for another depth or date', async () => {
    const { to } = renderCompany('/registers/companies/c1?tab=network');
    await screen.findByTestId('network-nodes');
    await userEvent.click(screen.getByRole('combobox', { name: 'Depth (hops)' }));
    await userEvent.click(await screen.findByRole('option', { name: '3' }));
    await waitFor(() => expect(to(NETWORK).map((c) => c.query)).toEqual([{ depth: '2' }, { depth: '3' }]));
    fireEvent.change(screen.getByLabelText(/^As of/), { target: { value: '2024-01-31' } });
    await waitFor(() => expect(to(NETWORK).at(-1)?.query).toEqual({ depth: '3', at: '2024-01-31' }));
  });

  it('loads more neighbours of a truncated node and merges them in', async () => {
    const page: CompanyNetwork = {
      nodes: [
        { id: 'company:c9', kind: 'company', label: 'Shell One', record_id: 'c9', status: 'active', risk_score: 80, depth: 1 },
        { id: 'address:1 quay street', kind: 'address', label: '1 Quay Street, 3011 AA Rotterdam', depth: 0 },
      ],
      edges: [{ source: 'company:c9', target: 'address:1 quay street', kind: 'address' }],
      truncated: [],
      capped: false,
    };
    const { to } = renderCompany('/registers/companies/c1?tab=network', { handler: (c) => (c.path === NEIGHBOURS ? json(page) : undefined) });
    await screen.findByTestId('network-nodes');
    await userEvent.click(screen.getByRole('button', { name: 'Show 50 more neighbours of 1 Quay Street, 3011 AA Rotterdam' }));
    await waitFor(() => expect(nodeNames()).toContain('Shell One'));
    expect(to(NEIGHBOURS)[0]?.query).toEqual({ node: 'address:1 quay street', offset: '50', limit: '50' });
    const address = nodeRows().find((r) => r.getAttribute('data-node') === 'address:1 quay street')!;
    expect(within(address).getByTestId('network-more')).toHaveTextContent('+20 more');
    const shell = nodeRows().find((r) => r.getAttribute('data-node') === 'company:c9')!;
    expect(within(shell).getAllByRole('cell')[4]).toHaveTextContent('2');
    await waitFor(() => expect(drawn().nodes.map((n) => n.id)).toContain('company:c9'));
  });

  it('fits, lays out as a tree, exports a PNG and opens a record from the graph', async () => {
    const createObjectURL = vi.fn(() => 'blob:network');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { router } = renderCompany('/registers/companies/c1?tab=network');
    await screen.findByTestId('network-nodes');
    await waitFor(() => expect(screen.getByTestId('network-graph')).toHaveAttribute('data-status', 'ready'));

    await userEvent.click(screen.getByRole('button', { name: 'Fit to view' }));
    expect(cy.fit).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('radio', { name: 'Tree' }));
    await waitFor(() => expect(cy.layouts.at(-1)).toMatchObject({ name: 'breadthfirst', roots: ['company:c1'] }));
    await userEvent.click(screen.getByRole('button', { name: 'Export PNG' }));
    expect(cy.png).toHaveBeenCalledWith(expect.objectContaining({ output: 'blob', full: true }));
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    click.mockRestore();

    const tap = cy.handlers.get('tap node')!;
    tap({ target: { data: (k: string) => (k === 'path' ? '/registers/persons/p1' : undefined) } });
    await waitFor(() => expect(router.state.location.pathname).toBe('/registers/persons/p1'));
  });

  it('still lists the network when the graph library cannot be loaded', async () => {
    cy.create.mockImplementationOnce(() => {
      throw new Error('no canvas');
    });
    renderCompany('/registers/companies/c1?tab=network');
    await screen.findByTestId('network-nodes');
    expect(await screen.findByTestId('network-graph-failed')).toHaveTextContent('The graph could not be drawn here');
    expect(nodeRows()).toHaveLength(5);
  });
});
