import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '@/test/render';
import { emptyCompose, recipientValue, type ComposeValues } from '../lib/compose';
import { ComposeForm } from './ComposeForm';

const text = { feedbackSubject: (s: string) => `Feedback: ${s}`, seizureSubject: (r: string) => `Seizure ${r}` };

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function filledWarning(): ComposeValues {
  const v = emptyCompose('warning');
  v.subject = 'Reefer to watch';
  v.body = 'Details follow.';
  v.participants = [recipientValue({ unit_id: 'unit-1', name: 'Port of Antwerp', detail: 'ANR' }), recipientValue({ user_id: 'u2', name: 'Ana Lima' })];
  v.template.watch = { type: 'container', description: 'Reefer', identifier: '', register_id: null };
  v.template.action_requested = 'Scan it';
  v.template.feedback_due = '2099-01-01T10:00';
  return v;
}

describe('ComposeForm', () => {
  beforeAll(() => {
    // jsdom has no FontFaceSet; Mantine's autosize textarea listens to it
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('checks the form before sending and shows each problem at its field', async () => {
    const fetchMock = vi.fn(async (_req: Request) => json({ entries: [] }));
    vi.stubGlobal('fetch', fetchMock);
    renderPage(<ComposeForm initial={emptyCompose('warning')} prefill={text} onSent={() => {}} onCancel={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByTestId('form-invalid')).toHaveTextContent('7 fields need attention.');
    expect(screen.getByText('Choose at least one recipient.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Action requested/ })).toHaveAccessibleDescription(/Required/);
    expect(fetchMock.mock.calls.some(([req]) => req.method === 'POST')).toBe(false);
  });

  it('sends CreateThread and places a 422’s errors at the deadline and at the recipient', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (req: Request) => {
        if (req.method === 'POST') {
          posted.push(await req.json());
          return json(
            {
              type: 'about:blank',
              title: 'Unprocessable',
              status: 422,
              code: 'validation_failed',
              errors: [
                { field: 'template.feedback_due', code: 'in_past', message: 'must be in the future' },
                { field: 'participants[1].user_id', code: 'disabled', message: 'this account is disabled' },
                { field: 'template.kind', code: 'invalid', message: 'unknown template' },
                { field: 'template.something_new', code: 'invalid', message: 'not accepted' },
                { field: 'attachment_ids[0]', code: 'not_found', message: 'no upload of yours waiting for a message' },
              ],
            },
            422,
            'application/problem+json',
          );
        }
        return json({ entries: [] });
      }),
    );
    const onSent = vi.fn();
    renderPage(<ComposeForm initial={filledWarning()} prefill={text} onSent={onSent} onCancel={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));

    const due = await screen.findByLabelText(/Feedback due/);
    await waitFor(() => expect(due).toHaveAccessibleDescription(/Must be in the future\./));
    expect(screen.getByText('Ana Lima: this account is disabled')).toBeInTheDocument();
    expect(screen.getByText('unknown template')).toBeInTheDocument();
    // a file no longer waiting for a message: at the file picker, in the UI language
    expect(within(screen.getByTestId('attachment-picker')).getByRole('alert')).toHaveTextContent(/^A file can no longer be sent/);
    // an error the form has no field for is listed with its path
    const alerts = screen.getAllByRole('alert');
    expect(alerts.some((a) => within(a).queryByText('template.something_new'))).toBe(true);
    expect(onSent).not.toHaveBeenCalled();
    expect(posted).toEqual([
      expect.objectContaining({
        subject: 'Reefer to watch',
        participants: [{ unit_id: 'unit-1' }, { user_id: 'u2' }],
        template: expect.objectContaining({ kind: 'warning', watch: expect.objectContaining({ type: 'container', description: 'Reefer' }) }),
      }),
    ]);
  });
});
