import { Navigate } from 'react-router';
import { useMe } from '@/api/queries/me';
import { runsExchange } from '../lib/access';

/**
 * `/exchange`: a liaison officer's first page is the partners; whoever may only ask for cases to
 * be sent (an investigator) lands on their requests.
 */
export function ExchangeIndex() {
  const { data: me } = useMe();
  return <Navigate to={runsExchange(me) ? 'partners' : 'outbox'} replace />;
}
