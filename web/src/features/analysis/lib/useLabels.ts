import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import '@/i18n/analysis';
import type { LinkEdge, NodeKind } from './graph';

/** `beneficial_owner` → `beneficial owner`: a code without a translation, readable. */
const humanise = (code: string) => code.replace(/_/g, ' ');

/**
 * Words for the graph: a node's kind, and a link's role in the reader's language (a role in a
 * case from the code lists of person and company roles, a document's type from its list, the
 * rest from the page's strings). Exports keep the codes.
 */
export function useLabels() {
  const { t } = useTranslation();
  // the lists' `label` functions change only when their entries or the language do
  const personRole = useCodeBook('person_roles').label;
  const companyRole = useCodeBook('company_roles').label;
  const documentType = useCodeBook('document_types').label;

  const kind = useCallback((k: NodeKind) => t(`analysis:kinds.${k}`), [t]);

  const role = useCallback(
    (e: LinkEdge): string => {
      if (e.kind === 'in_case') {
        if (e.target.startsWith('person:')) return personRole(e.role);
        if (e.target.startsWith('company:')) return companyRole(e.role);
        return t(`seizures.conveyanceRoles.${e.role}`, { defaultValue: humanise(e.role) });
      }
      if (e.kind === 'holds' && (e.target.startsWith('document:') || e.source.startsWith('document:'))) return documentType(e.role);
      return t(`analysis:roles.${e.role}`, { defaultValue: humanise(e.role) });
    },
    [t, personRole, companyRole, documentType],
  );

  const edgeKind = useCallback((e: Pick<LinkEdge, 'kind'>) => t(`analysis:edgeKinds.${e.kind}`), [t]);

  return { kind, role, edgeKind };
}
