import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { INVESTIGATOR, renderAs } from '../test/fake';
import { ExchangeIndex } from './ExchangeIndex';

const ROUTES = [
  { path: '/exchange', element: <ExchangeIndex /> },
  { path: '/exchange/partners', element: <p>partners page</p> },
  { path: '/exchange/outbox', element: <p>outbox page</p> },
];

describe('the exchange’s first page', () => {
  it('is the partners for a liaison officer', async () => {
    renderAs(ROUTES, '/exchange');
    expect(await screen.findByText('partners page')).toBeInTheDocument();
  });

  it('is their requests for whoever may only ask for sending', async () => {
    renderAs(ROUTES, '/exchange', INVESTIGATOR);
    expect(await screen.findByText('outbox page')).toBeInTheDocument();
  });
});
