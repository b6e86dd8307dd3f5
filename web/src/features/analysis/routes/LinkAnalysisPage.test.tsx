import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { codeBookQuery } from '@/api/queries/codelists';
import { meQuery } from '@/api/queries/me';
import type { CodeListEntry, Me } from '@/api/types';
import '@/i18n/analysis';
import { renderRoutes } from '@/test/render';
import type { LinkEdge, LinkGraph, LinkNode, LinkPath } from '../lib/graph';
import { LinkAnalysisPage } from './LinkAnalysisPage';

configure({ asyncUtilTimeout: 5000 });

/**
 * jsdom has no canvas: Cytoscape (imported on demand by the graph) is replaced by a fake that
 * keeps the elements the page gives it and the handlers it sets.
 */
const cy = vi.hoisted(() => {
  type El = { group: string; data: Record<string, unknown>; classes?: string; position?: { x: number; y: number } };
  const state = {
    elements: [] as El[],
    layouts: [] as { name: string }[],
    handlers: new Map<string, (e: { target: unknown }) => void>(),
    png: vi.fn(() => new Blob(['png'], { type: 'image/png' })),
    create: vi.fn(),
  };
  const core = {
    on: (event: string, selector: string | ((e: { target: unknown }) => void), handler?: (e: { target: unknown }) => void) =>
      typeof selector === 'string' ? state.handlers.set(`${event} ${selector}`, handler!) : state.handlers.set(event, selector),
    batch: (f: () => void) => f(),
    nodes: () => {
      const nodes = state.elements.filter((e) => e.group === 'nodes');
      return {
        length: nodes.length,
        forEach: (f: (n: { id: () => string; position: () => { x: number; y: number } }) => void) =>
          nodes.forEach((n) => f({ id: () => n.data.id as string, position: () => n.position ?? { x: 0, y: 0 } })),
      };
    },
    elements: () => ({ remove: () => (state.elements = []) }),
    add: (els: El[]) => state.elements.push(...els),
    layout: (options: { name: string }) => {
      state.layouts.push(options);
      return { run: () => undefined };
    },
    fit: vi.fn(),
    png: state.png,
    destroy: vi.fn(),
  };
  state.create.mockImplementation(() => core);
  return state;
});
vi.mock('cytoscape', () => ({ default: cy.create }));

const GRAPH = '/api/v1/analysis/graph';
const PATH = '/api/v1/analysis/path';

const n = (id: string, label: string, extra: Partial<LinkNode> = {}): LinkNode => ({ id, kind: id.split(':')[0] as LinkNode['kind'], label, record_id: id.split(':')[1], ...extra });
const e = (source: string, target: string, role = 'offender', kind: LinkEdge['kind'] = 'in_case'): LinkEdge => ({ source, target, kind, role });

const PERSON = n('person:p1', 'DUPONT Jean', { detail: '1980 · FR' });
const CASE_A = n('case:a1', 'FR-2026-000001', { detail: 'validated', date: '2026-03-01' });
const CASE_B = n('case:b1', 'FR-2026-000002', { detail: 'submitted', date: '2026-04-02' });
const COMPANY = n('company:c1', 'Acme Freight');
const CONVEYANCE = n('conveyance:v1', 'AB-123-CD');

const FROM_PERSON: LinkGraph = { node: 'person:p1', nodes: [PERSON, CASE_A, CASE_B], edges: [e('case:a1', 'person:p1'), e('case:b1', 'person:p1', 'courier')], truncated: null };
const FROM_CASE_A: LinkGraph = {
  node: 'case:a1',
  nodes: [CASE_A, PERSON, COMPANY],
  edges: [e('case:a1', 'person:p1'), e('case:a1', 'company:c1', 'importer')],
  truncated: { node: 'case:a1', shown: 2, total: 3 },
};
const MORE_CASE_A: LinkGraph = { node: 'case:a1', nodes: [CASE_A, CONVEYANCE], edges: [e('case:a1', 'conveyance:v1', 'carrying')], truncated: null };

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const notFound = () => json({ type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' }, 404, 'application/problem+json');
const entry = (code: string, en: string) => ({ code, labels: { en }, attributes: {}, retired: false, sort_order: 0 }) as unknown as CodeListEntry;

interface Call {
  path: string;
  query: Record<string, string>;
}

function setup(path: string, handler: (c: Call) => Response | undefined = () => undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      const call = { path: url.pathname, query: Object.fromEntries(url.searchParams) };
      calls.push(call);
      const answer = handler(call);
      if (answer) return answer;
      if (call.path === GRAPH) {
        if (call.query.node === 'person:p1') return json(FROM_PERSON);
        if (call.query.node === 'case:a1') return json(call.query.offset ? MORE_CASE_A : FROM_CASE_A);
        return notFound();
      }
      return json({ items: [] });
    }),
  );
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  qc.setQueryData(meQuery.queryKey, { id: 'u1', username: 'analyst', roles: ['analyst'], permissions: ['seizures.read', 'registers.read'] } as unknown as Me);
  qc.setQueryData(codeBookQuery('person_roles').queryKey, [entry('offender', 'Offender'), entry('courier', 'Courier')]);
  qc.setQueryData(codeBookQuery('company_roles').queryKey, [entry('importer', 'Importer')]);
  qc.setQueryData(codeBookQuery('document_types').queryKey, []);
  const utils = renderRoutes(
    [
      { path: '/analysis/graph', element: <LinkAnalysisPage /> },
      { path: '*', element: <p>elsewhere</p> },
    ],
    path,
    qc,
  );
  return { ...utils, calls, to: (p: string) => calls.filter((c) => c.path === p).map((c) => c.query) };
}

const rows = (testId: string) => within(screen.getByTestId(testId)).getAllByRole('row').slice(1);
const cells = (r: HTMLElement) => within(r).getAllByRole('cell').map((c) => c.textContent);
const nodeNames = () => rows('analysis-nodes').map((r) => within(r).getAllByRole('cell')[1]!.textContent);
const drawnNodes = () => cy.elements.filter((el) => el.group === 'nodes').map((el) => [el.data.id, el.classes]);
const panel = () => screen.getByTestId('analysis-node-panel');
/** Chooses a node by its name in the table of nodes. */
const choose = async (name: string) => userEvent.click(within(screen.getByTestId('analysis-nodes')).getByRole('button', { name }));

beforeEach(() => {
  cy.elements = [];
  cy.layouts.length = 0;
  cy.handlers.clear();
  cy.png.mockClear();
  cy.create.mockClear();
});
afterEach(() => vi.unstubAllGlobals());

describe('the link-analysis page', { timeout: 60_000 }, () => {
  it('starts from the node in the address, draws it with Cytoscape and lists it', async () => {
    const { to } = setup('/analysis/graph?node=person:p1');
    await screen.findByTestId('analysis-nodes');
    expect(to(GRAPH)).toEqual([{ node: 'person:p1', limit: '100' }]);
    expect(rows('analysis-nodes').map(cells)).toEqual([
      ['Person', 'DUPONT JeanStart', '1980 · FR', 'shown'],
      ['Case', 'FR-2026-000001', 'validated', 'not expanded'],
      ['Case', 'FR-2026-000002', 'submitted', 'not expanded'],
    ]);
    expect(rows('analysis-edges').map(cells)).toEqual([
      ['FR-2026-000001', 'Named in the case', 'Offender', 'DUPONT Jean'],
      ['FR-2026-000002', 'Named in the case', 'Courier', 'DUPONT Jean'],
    ]);
    await waitFor(() => expect(screen.getByTestId('analysis-graph')).toHaveAttribute('data-status', 'ready'));
    await waitFor(() => expect(drawnNodes()).toHaveLength(3));
    expect(drawnNodes()).toEqual([
      ['person:p1', 'start expanded chosen'],
      ['case:a1', ''],
      ['case:b1', ''],
    ]);
    expect(cy.elements.filter((el) => el.group === 'edges').map((el) => el.data.label)).toEqual(['Offender', 'Courier']);
    expect(cy.layouts.at(-1)).toMatchObject({ name: 'cose', randomize: true });
    expect(screen.getByRole('img', { name: 'Link graph: 3 nodes and 2 links. The tables below list the same.' })).toBeInTheDocument();
    // the start is chosen: its panel opens its record
    expect(within(panel()).getByTestId('analysis-node-label')).toHaveTextContent('DUPONT Jean');
    expect(within(panel()).getByRole('link', { name: 'Open the record' })).toHaveAttribute('href', '/registers/persons/p1');
    expect(within(panel()).getByRole('button', { name: 'Neighbours shown' })).toBeDisabled();
    expect(within(screen.getByTestId('analysis-legend')).getByText('Conveyance')).toBeInTheDocument();
  });

  it('expands a node from the table, shows more of it, and from a double click in the graph', async () => {
    const { to } = setup('/analysis/graph?node=person:p1');
    await screen.findByTestId('analysis-nodes');
    await choose('FR-2026-000001');
    expect(within(panel()).getByRole('link', { name: 'Open the record' })).toHaveAttribute('href', '/seizures/a1');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Expand' }));
    await waitFor(() => expect(nodeNames()).toContain('Acme Freight'));
    expect(to(GRAPH).at(-1)).toEqual({ node: 'case:a1', limit: '100' });
    // each node and link once
    expect(nodeNames()).toEqual(['DUPONT JeanStart', 'FR-2026-000001', 'FR-2026-000002', 'Acme Freight']);
    expect(rows('analysis-edges')).toHaveLength(3);
    expect(cells(rows('analysis-nodes')[1]!)[3]).toBe('2 of 3 shown');
    await waitFor(() => expect(drawnNodes()).toContainEqual(['case:a1', 'expanded truncated chosen']));

    await userEvent.click(within(panel()).getByRole('button', { name: 'Show more (2 of 3 shown)' }));
    await waitFor(() => expect(nodeNames()).toContain('AB-123-CD'));
    expect(to(GRAPH).at(-1)).toEqual({ node: 'case:a1', offset: '2', limit: '100' });
    expect(cells(rows('analysis-nodes')[1]!)[3]).toBe('shown');

    // a double click on a node in the graph expands it too
    act(() => cy.handlers.get('dbltap node')!({ target: { id: () => 'case:b1' } }));
    await waitFor(() => expect(to(GRAPH).at(-1)).toEqual({ node: 'case:b1', limit: '100' }));
    // … which nothing else shares: said, the graph kept
    expect(await screen.findByTestId('analysis-error')).toHaveTextContent(/^Nothing to show/);
    expect(nodeNames()).toHaveLength(5);
    // a click chooses
    act(() => cy.handlers.get('tap node')!({ target: { id: () => 'company:c1' } }));
    await waitFor(() => expect(within(panel()).getByTestId('analysis-node-label')).toHaveTextContent('Acme Freight'));
  });

  it('collapses and removes nodes', async () => {
    setup('/analysis/graph?node=person:p1');
    await screen.findByTestId('analysis-nodes');
    await choose('FR-2026-000001');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Expand' }));
    await waitFor(() => expect(nodeNames()).toContain('Acme Freight'));
    await userEvent.click(within(panel()).getByRole('button', { name: 'Collapse' }));
    expect(nodeNames()).toEqual(['DUPONT JeanStart', 'FR-2026-000001', 'FR-2026-000002']);
    await choose('FR-2026-000002');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Remove from the graph' }));
    expect(nodeNames()).toEqual(['DUPONT JeanStart', 'FR-2026-000001']);
    expect(within(panel()).getByText('Choose a node in the graph or in the table of nodes.')).toBeInTheDocument();
    await waitFor(() => expect(drawnNodes().map(([id]) => id)).toEqual(['person:p1', 'case:a1']));
  });

  it('finds the shortest chain between two nodes and highlights it', async () => {
    const chain: LinkPath = {
      found: true,
      hops: 2,
      nodes: [CASE_A, PERSON, CASE_B],
      edges: [e('case:a1', 'person:p1'), e('case:b1', 'person:p1', 'courier')],
      explored: 7,
      complete: true,
    };
    const { to } = setup('/analysis/graph?node=person:p1', (c) => (c.path === PATH ? json(chain) : undefined));
    await screen.findByTestId('analysis-nodes');
    await choose('FR-2026-000001');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Chain from here' }));
    await choose('FR-2026-000002');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Chain to here' }));
    await userEvent.click(screen.getByRole('button', { name: 'Find the chain' }));
    const result = screen.getByTestId('analysis-path-result');
    await waitFor(() => expect(result).toHaveTextContent('A chain of 2 links, highlighted in the graph:'));
    expect(to(PATH)).toEqual([{ source: 'case:a1', target: 'case:b1', max_hops: '4' }]);
    expect(within(screen.getByTestId('analysis-path-chain')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'FR-2026-000001 (Case)',
      'DUPONT Jean (Person)',
      'FR-2026-000002 (Case)',
    ]);
    expect(result).toHaveTextContent('7 nodes explored.');
    await waitFor(() => expect(drawnNodes().filter(([, c]) => String(c).includes('path')).map(([id]) => id)).toEqual(['person:p1', 'case:a1', 'case:b1']));
    expect(cy.elements.filter((el) => el.group === 'edges').every((el) => el.classes === 'path')).toBe(true);
    expect(within(screen.getByTestId('analysis-nodes')).getAllByText('on the chain')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Clear the highlight' }));
    await waitFor(() => expect(drawnNodes().some(([, c]) => String(c).includes('path'))).toBe(false));
  });

  it('says when no chain exists within the links asked for, and when the search was cut short', async () => {
    const none: LinkPath = { found: false, hops: null, nodes: [], edges: [], explored: 1200, complete: false };
    const { to } = setup('/analysis/graph?node=person:p1', (c) => (c.path === PATH ? json(none) : undefined));
    await screen.findByTestId('analysis-nodes');
    await choose('FR-2026-000001');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Chain from here' }));
    await choose('FR-2026-000002');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Chain to here' }));
    await userEvent.click(screen.getByRole('combobox', { name: 'At most, links' }));
    await userEvent.click(await screen.findByRole('option', { name: '2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Find the chain' }));
    expect(await screen.findByTestId('analysis-path-none')).toHaveTextContent('No chain of 2 links or fewer within the filters.');
    expect(screen.getByTestId('analysis-path-incomplete')).toBeInTheDocument();
    expect(to(PATH)[0]).toMatchObject({ max_hops: '2' });
  });

  it('applies filters to the expansions from then on, and asks the graph again', async () => {
    const { to } = setup('/analysis/graph?node=person:p1');
    await screen.findByTestId('analysis-nodes');
    await choose('FR-2026-000001');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Expand' }));
    await waitFor(() => expect(nodeNames()).toContain('Acme Freight'));
    const filters = screen.getByTestId('analysis-filters');
    await userEvent.click(within(filters).getByRole('checkbox', { name: 'Company' }));
    fireEvent.change(within(filters).getByLabelText('Cases detected from'), { target: { value: '2026-02-01' } });
    fireEvent.change(within(filters).getByLabelText('Cases detected until'), { target: { value: '2026-01-01' } });
    expect(within(filters).getByText('The end is before the start.')).toBeInTheDocument();
    expect(within(filters).getByRole('button', { name: 'Apply to the graph' })).toBeDisabled();
    fireEvent.change(within(filters).getByLabelText('Cases detected until'), { target: { value: '2026-12-31' } });
    const before = to(GRAPH).length;
    await userEvent.click(within(filters).getByRole('button', { name: 'Apply to the graph' }));
    await waitFor(() => expect(to(GRAPH)).toHaveLength(before + 2));
    const kinds = 'case,person,conveyance,identifier,address,phone,email';
    expect(to(GRAPH).slice(before)).toEqual([
      { node: 'person:p1', kinds, from: '2026-02-01', to: '2026-12-31', limit: '100' },
      { node: 'case:a1', kinds, from: '2026-02-01', to: '2026-12-31', limit: '100' },
    ]);
    // the next expansion keeps to them
    await choose('FR-2026-000002');
    await userEvent.click(within(panel()).getByRole('button', { name: 'Expand' }));
    await waitFor(() => expect(to(GRAPH).at(-1)).toEqual({ node: 'case:b1', kinds, from: '2026-02-01', to: '2026-12-31', limit: '100' }));
  });

  it('starts from a typed document number, and says when no one shares it', async () => {
    const { to, router } = setup('/analysis/graph');
    expect(screen.getByText('Choose a person, company, conveyance, case or document number to start from.')).toBeInTheDocument();
    const start = screen.getByTestId('analysis-start');
    await userEvent.click(within(start).getByRole('combobox', { name: 'Kind' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Document number' }));
    await userEvent.type(within(start).getByRole('textbox', { name: 'Document number' }), 'AB 12-345');
    await userEvent.click(within(start).getByRole('button', { name: 'Start' }));
    expect(await screen.findByTestId('analysis-error')).toHaveTextContent(/no one else shares this identifier/);
    expect(to(GRAPH)).toEqual([{ node: 'document:AB 12-345', limit: '100' }]);
    expect(new URLSearchParams(router.state.location.search).get('node')).toBe('document:AB 12-345');
  });

  it('starts from a person found in the register', async () => {
    const person = { id: 'p1', family_name: 'Dupont', given_names: 'Jean', date_of_birth: '1980' };
    const { to } = setup('/analysis/graph', (c) => (c.path === '/api/v1/persons' ? json({ items: [person] }) : undefined));
    await userEvent.type(within(screen.getByTestId('analysis-start')).getByRole('combobox', { name: 'Find a person' }), 'dupo');
    await userEvent.click(await screen.findByRole('option', { name: 'DUPONT Jean (1980)' }));
    await screen.findByTestId('analysis-nodes');
    expect(to('/api/v1/persons').at(-1)).toEqual({ q: 'dupo', limit: '8' });
    expect(to(GRAPH)).toEqual([{ node: 'person:p1', limit: '100' }]);
  });

  it('exports the graph as GraphML, CSV and PNG, made in the browser', async () => {
    const saved: { name: string; blob: Blob }[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    let last: Blob | null = null;
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: (b: Blob) => ((last = b), 'blob:x') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: () => undefined });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: last! });
    });
    try {
      setup('/analysis/graph?node=person:p1');
      await screen.findByTestId('analysis-nodes');
      await waitFor(() => expect(screen.getByTestId('analysis-graph')).toHaveAttribute('data-status', 'ready'));
      for (const item of ['Graph (GraphML)', 'Nodes (CSV)', 'Links (CSV)', 'Image (PNG)']) {
        await userEvent.click(screen.getByTestId('analysis-export'));
        await userEvent.click(await screen.findByRole('menuitem', { name: item }));
      }
      expect(saved.map((s) => s.name)).toEqual([
        'link-analysis-DUPONT-Jean-graph.graphml',
        'link-analysis-DUPONT-Jean-nodes.csv',
        'link-analysis-DUPONT-Jean-links.csv',
        'link-analysis-DUPONT-Jean-graph.png',
      ]);
      const graphml = await saved[0]!.blob.text();
      expect(graphml).toContain('<node id="case:a1">');
      expect(graphml).toContain('<node id="case:b1">');
      expect(graphml).toContain('<edge id="e2" source="case:b1" target="person:p1">');
      expect((await saved[1]!.blob.text()).split('\r\n')[1]).toBe('person:p1,person,DUPONT Jean,1980 · FR,,p1');
      expect(cy.png).toHaveBeenCalledWith({ output: 'blob', full: true, bg: '#ffffff', scale: 2 });
    } finally {
      click.mockRestore();
      Object.defineProperty(URL, 'createObjectURL', { configurable: true, writable: true, value: original.create });
      Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: original.revoke });
    }
  });
});
