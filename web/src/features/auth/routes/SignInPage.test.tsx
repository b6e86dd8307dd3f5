import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/lib/session';
import { renderRoutes } from '@/test/render';
import { SignInPage } from './SignInPage';

function stubLogin(status: number, body: unknown) {
  const fetchMock = vi.fn(async () =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('SignInPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    session.reset();
  });

  it('shows the wrong-password message and clears the password', async () => {
    window.__NCEN_CONFIG__ = { apiUrl: 'http://api.test' };
    session.none();
    stubLogin(401, { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'invalid_credentials' });
    renderRoutes([{ path: '/signin', element: <SignInPage /> }], '/signin');
    await userEvent.type(screen.getByLabelText(/username/i), 'admin');
    await userEvent.type(screen.getByLabelText(/^password/i), 'nope');
    await userEvent.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(screen.getByLabelText(/^password/i)).toHaveValue('');
  });

  it('asks for both fields before calling the server', async () => {
    session.none();
    const fetchMock = stubLogin(200, {});
    renderRoutes([{ path: '/signin', element: <SignInPage /> }], '/signin');
    await userEvent.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/enter your username/i);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('returns to the remembered page after signing in', async () => {
    window.__NCEN_CONFIG__ = { apiUrl: 'http://api.test' };
    session.none();
    stubLogin(200, { access_token: 't', token_type: 'Bearer', expires_in: 900 });
    const { router } = renderRoutes(
      [
        { path: '/signin', element: <SignInPage /> },
        { path: '/audit', element: <p>audit page</p> },
      ],
      '/signin?next=%2Faudit%3Faction%3Dx',
    );
    await userEvent.type(screen.getByLabelText(/username/i), 'auditor');
    await userEvent.type(screen.getByLabelText(/^password/i), 'a-long-password');
    await userEvent.click(screen.getByRole('button', { name: /sign in/i }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/audit'));
    expect(router.state.location.search).toBe('?action=x');
  });

  it('tells the user when the session ended on its own', () => {
    session.signedIn('t', 900);
    session.expired();
    renderRoutes([{ path: '/signin', element: <SignInPage /> }], '/signin');
    expect(screen.getByTestId('session-ended')).toHaveTextContent(/session has ended/i);
  });
});
