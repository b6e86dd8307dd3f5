/** What an investigation opened from a page starts from (its first links). */
export interface InvestigationOrigin {
  caseId?: string;
  personId?: string;
  companyId?: string;
  conveyanceId?: string;
  alertId?: string;
  hitId?: string;
}

/** The form's address, prefilled with the origin's links. */
export function openInvestigationPath(origin: InvestigationOrigin): string {
  const params = new URLSearchParams();
  const pairs: [string, string | undefined][] = [
    ['case_id', origin.caseId],
    ['person_id', origin.personId],
    ['company_id', origin.companyId],
    ['conveyance_id', origin.conveyanceId],
    ['alert_id', origin.alertId],
    ['hit_id', origin.hitId],
  ];
  for (const [key, value] of pairs) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `/investigations/new?${query}` : '/investigations/new';
}
