import { useContext } from 'react';
import { AlertNoticesContext, type AlertNoticesProps } from './alertNoticesContext';

/** Where a page shows the alert notices of its case (`caseId`) or record (`recordId`), if any. */
export function AlertNoticesSlot(props: AlertNoticesProps) {
  const render = useContext(AlertNoticesContext);
  return render ? render(props) : null;
}
