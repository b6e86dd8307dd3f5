import type { ReactNode } from 'react';
import { Tabs, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import type { Company } from '@/api/types';
import { ErrorState, LoadingState } from '@/components/states';
import '@/i18n/companies';
import { can } from '@/lib/permissions';
import { useCompanyProfile } from '@/features/registers/api/companies';
import { AssessmentTab } from './AssessmentTab';
import { LinksTab } from './LinksTab';
import { NetworkTab } from './NetworkTab';
import { PeopleTab } from './PeopleTab';
import { RelationsTab } from './RelationsTab';
import { RiskTab } from './RiskTab';
import { TimelineTab } from './TimelineTab';

const COMPANY_TABS = ['identity', 'people', 'relations', 'links', 'risk', 'assessment', 'timeline', 'network'] as const;
type CompanyTab = (typeof COMPANY_TABS)[number];

/**
 * A company's page as tabs (`?tab=` in the address): its identity (the register record, its
 * cases, merges and history: `identity`), then the company database around it. The profile
 * those tabs show is read once, when the first of them opens (the server audits each read),
 * and again after a change made in them; the timeline and the network are read by their own tabs.
 */
export function CompanyTabs({ company, identity }: { company: Company; identity: ReactNode }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: CompanyTab = (COMPANY_TABS as readonly string[]).includes(asked ?? '') ? (asked as CompanyTab) : 'identity';
  const profileTab = tab !== 'identity' && tab !== 'timeline' && tab !== 'network';
  // the network colours companies by risk band: the thresholds come with the profile (the
  // timeline needs none of it: not read for it)
  const profile = useCompanyProfile(company.id, tab !== 'identity' && tab !== 'timeline');
  const p = profile.data;
  const canWrite = can(me, 'registers.write');
  const canAssess = can(me, 'companies.assess');
  const setTab = (v: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v && v !== 'identity') next.set('tab', v);
        else next.delete('tab');
        return next;
      },
      { replace: true },
    );
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);

  let body: ReactNode = null;
  if (profileTab) {
    if (profile.isPending) body = <LoadingState />;
    else if (profile.isError) body = <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
    else if (p) {
      if (tab === 'people') body = <PeopleTab companyId={company.id} people={p.people} canWrite={canWrite} />;
      if (tab === 'relations') body = <RelationsTab companyId={company.id} relations={p.relations} canWrite={canWrite} />;
      if (tab === 'links') body = <LinksTab profile={p} />;
      if (tab === 'risk') body = <RiskTab risk={p.risk} onRefresh={() => void profile.refetch()} refreshing={profile.isFetching} />;
      if (tab === 'assessment')
        body = <AssessmentTab companyId={company.id} typologies={p.typologies} flags={p.flags} cases={company.cases} canAssess={canAssess} />;
    }
  }

  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List aria-label={t('companies:tabs.label')}>
        <Tabs.Tab value="identity" data-testid="tab-identity">
          {t('companies:tabs.identity')}
        </Tabs.Tab>
        <Tabs.Tab value="people" data-testid="tab-people">
          {t('companies:tabs.people')}
          {count(p?.people.length)}
        </Tabs.Tab>
        <Tabs.Tab value="relations" data-testid="tab-relations">
          {t('companies:tabs.relations')}
          {count(p?.relations.length)}
        </Tabs.Tab>
        <Tabs.Tab value="links" data-testid="tab-links">
          {t('companies:tabs.links')}
          {count(p ? p.computed_links.length : undefined)}
        </Tabs.Tab>
        <Tabs.Tab value="risk" data-testid="tab-risk">
          {t('companies:tabs.risk')}
        </Tabs.Tab>
        <Tabs.Tab value="assessment" data-testid="tab-assessment">
          {t('companies:tabs.assessment')}
          {count(p ? p.typologies.length + p.flags.length : undefined)}
        </Tabs.Tab>
        <Tabs.Tab value="timeline" data-testid="tab-timeline">
          {t('companies:tabs.timeline')}
        </Tabs.Tab>
        <Tabs.Tab value="network" data-testid="tab-network">
          {t('companies:tabs.network')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="identity" pt="md">
        {identity}
      </Tabs.Panel>
      {(['people', 'relations', 'links', 'risk', 'assessment'] as const).map((v) => (
        <Tabs.Panel key={v} value={v} pt="md">
          {body}
          {tab === v && (
            <Text size="xs" c="dimmed" mt="sm">
              {t('companies:tabs.audited')}
            </Text>
          )}
        </Tabs.Panel>
      ))}
      <Tabs.Panel value="timeline" pt="md">
        <TimelineTab companyId={company.id} />
        <Text size="xs" c="dimmed" mt="sm">
          {t('companies:tabs.audited')}
        </Text>
      </Tabs.Panel>
      <Tabs.Panel value="network" pt="md">
        <NetworkTab companyId={company.id} companyName={company.name} thresholds={p?.risk.thresholds ?? null} />
        <Text size="xs" c="dimmed" mt="sm">
          {t('companies:tabs.audited')}
        </Text>
      </Tabs.Panel>
    </Tabs>
  );
}
