import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CodeListEntry } from '@/api/types';
import { renderPage } from '@/test/render';
import { EntryModal } from './EntryModal';

const entry: CodeListEntry = {
  code: 'cocaine',
  parent_code: 'drugs',
  labels: { en: 'Cocaine', fr: 'Cocaïne' },
  attributes: {},
  retired: false,
  sort_order: 60,
};

function stubApi() {
  const sent: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const body = req.method === 'GET' ? null : await req.clone().json();
      sent.push({ method: req.method, url: new URL(req.url).pathname, body });
      const labels = (body as { labels?: object } | null)?.labels ?? entry.labels;
      return new Response(JSON.stringify({ ...entry, code: 'khat', labels }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return sent;
}

describe('EntryModal', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('edits the Arabic label and removes a cleared one with null (merge patch)', async () => {
    const sent = stubApi();
    const onSaved = vi.fn();
    renderPage(<EntryModal listName="commodity_types" parentList={null} entry={entry} opened onClose={() => {}} onSaved={onSaved} />);

    const arabic = await screen.findByLabelText('Label (Arabic)');
    expect(arabic).toHaveAttribute('lang', 'ar');
    expect(arabic.closest('[dir="rtl"]')).not.toBeNull(); // Mantine sets dir on the input's own wrapper
    await userEvent.type(arabic, 'كوكايين');
    await userEvent.clear(screen.getByLabelText('Label (French)'));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('cocaine'));
    expect(sent).toEqual([
      {
        method: 'PATCH',
        url: '/api/v1/codelists/commodity_types/entries/cocaine',
        body: { labels: { en: 'Cocaine', fr: null, ar: 'كوكايين' } },
      },
    ]);
  });

  it('creates an entry with only the labels filled in', async () => {
    const sent = stubApi();
    const onSaved = vi.fn();
    renderPage(<EntryModal listName="detection_methods" parentList={null} entry={null} opened onClose={() => {}} onSaved={onSaved} />);

    await userEvent.type(await screen.findByLabelText(/^Code/), 'khat');
    await userEvent.type(screen.getByLabelText(/^Label \(English\)/), 'Khat');
    await userEvent.type(screen.getByLabelText('Label (Arabic)'), 'القات');
    await userEvent.click(screen.getByRole('button', { name: 'Add entry' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('khat'));
    expect(sent).toEqual([
      { method: 'POST', url: '/api/v1/codelists/detection_methods/entries', body: { code: 'khat', labels: { en: 'Khat', ar: 'القات' } } },
    ]);
  });
});
