import { Anchor, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CompanyProfile, ComputedLink, SharedKind } from '@/api/types';
import { Data } from '@/components/Bidi';
import { EmptyState } from '@/components/states';
import '@/i18n/companies';
import { groupLinks } from '@/features/registers/lib/companyProfile';
import { CompanyRefLink, CompanyStatusText, RefRisk, Section } from './ProfileParts';

/** The shared value: the person's name (a link) for a director or owner, else the address, number or account as stored. */
function SharedValue({ link }: { link: ComputedLink }) {
  if (link.person_id && (link.shared === 'director' || link.shared === 'owner'))
    return (
      <Anchor component={Link} to={`/registers/persons/${link.person_id}`}>
        <Data>{link.value}</Data>
      </Anchor>
    );
  return <Data>{link.value}</Data>;
}

function LinkGroup({ kind, links }: { kind: SharedKind; links: ComputedLink[] }) {
  const { t } = useTranslation();
  const title = t(`companies:links.shared.${kind}`, { defaultValue: kind });
  return (
    <Stack gap={4} data-testid={`links-${kind}`}>
      <Title order={3} size="h5">
        {t('companies:links.groupTitle', { kind: title, count: links.length })}
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('companies:links.company')}</Table.Th>
              <Table.Th scope="col">{t('companies:links.status')}</Table.Th>
              <Table.Th scope="col">{t('companies:links.risk')}</Table.Th>
              <Table.Th scope="col">{t(`companies:links.value.${kind}`, { defaultValue: t('companies:links.valueOther') })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {links.map((l) => (
              <Table.Tr key={`${l.company.id}-${l.value}`}>
                <Table.Td>
                  <CompanyRefLink company={l.company} />
                </Table.Td>
                <Table.Td>
                  <CompanyStatusText status={l.company.status} />
                </Table.Td>
                <Table.Td>
                  <RefRisk company={l.company} />
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  <SharedValue link={l} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/**
 * The companies linked to this one without anyone having recorded it, grouped by what they
 * share; the addresses and contacts too common to list company by company (a formation
 * agent's address) as counts; the identifiers other companies carry too.
 */
export function LinksTab({ profile }: { profile: Pick<CompanyProfile, 'computed_links' | 'hubs' | 'shared_identifiers'> }) {
  const { t } = useTranslation();
  const groups = groupLinks(profile.computed_links);
  const kindLabel = (k: string) => t(`companies:identifier.kinds.${k}`, { defaultValue: k });
  return (
    <Stack>
      <Section title={t('companies:links.title')} testId="company-links">
        {groups.length === 0 ? (
          <EmptyState title={t('companies:links.none')} />
        ) : (
          <Stack>
            <Text size="sm" c="dimmed">
              {t('companies:links.intro')}
            </Text>
            {groups.map(([kind, links]) => (
              <LinkGroup key={kind} kind={kind} links={links} />
            ))}
          </Stack>
        )}
      </Section>
      {profile.hubs.length > 0 && (
        <Section title={t('companies:links.hubs')} testId="company-hubs">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('companies:links.hubsIntro')}
            </Text>
            <List spacing={4} size="sm">
              {profile.hubs.map((h) => (
                <List.Item key={`${h.shared}-${h.value}`}>
                  <Group gap={6} wrap="wrap">
                    <Text size="sm" fw={600}>
                      {t(`companies:links.value.${h.shared}`, { defaultValue: h.shared })}
                      {t('companies:labelSeparator')}
                    </Text>
                    <Text size="sm" span>
                      <Data>{h.value}</Data>
                    </Text>
                    <Text size="sm" span c="dimmed">
                      {t('companies:links.sharedBy', { count: h.companies })}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Section>
      )}
      {profile.shared_identifiers.length > 0 && (
        <Section title={t('companies:links.identifiers')} testId="company-shared-identifiers">
          <Stack gap="sm">
            {profile.shared_identifiers.map((s) => {
              const more = s.count - s.companies.length;
              return (
                <Stack gap={2} key={`${s.kind}-${s.value}`} data-testid="shared-identifier">
                  <Text size="sm" fw={600}>
                    {t('companies:links.identifierAlsoOn', { kind: kindLabel(s.kind), value: s.value })}
                  </Text>
                  <Group gap="xs" wrap="wrap">
                    {s.companies.map((c) => (
                      <Anchor key={c.id} component={Link} to={`/registers/companies/${c.id}`} size="sm">
                        <Data>{c.name}</Data>
                      </Anchor>
                    ))}
                    {more > 0 && (
                      <Text size="sm" c="dimmed">
                        {t('companies:links.andMore', { count: more })}
                      </Text>
                    )}
                  </Group>
                </Stack>
              );
            })}
          </Stack>
        </Section>
      )}
    </Stack>
  );
}
