import { createContext, type ReactNode } from 'react';

/** What a page passes to show the alert notices of a case or of one register record. */
export interface AlertNoticesProps {
  caseId?: string;
  recordId?: string;
}

/**
 * Renders the alert notices (the alerts feature's `AlertNoticesBanner`), provided by the app's
 * layout: a feature page (a case, a register record) shows them through `AlertNoticesSlot`
 * without importing another feature. Nothing is shown without a provider.
 */
export const AlertNoticesContext = createContext<((props: AlertNoticesProps) => ReactNode) | null>(null);
