import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Case } from '@/api/types';
import { useCodeBook } from '@/api/queries/codelists';
import { Data } from '@/components/Bidi';
import { companyLabel, conveyanceLabel, personLabel } from '../lib/caseForm';

function Section({ title, testId, rows, empty }: { title: string; testId: string; rows: ReactNode[]; empty: string }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table data-testid={testId} aria-label={title}>
          <Table.Tbody>{rows}</Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Persons, companies and conveyances linked to the case, with their roles and links to their pages. */
export function LinkedRecords({ c }: { c: Case }) {
  const { t } = useTranslation();
  const personRoles = useCodeBook('person_roles');
  const companyRoles = useCodeBook('company_roles');
  const countries = useCodeBook('countries');
  const conveyanceTypes = useCodeBook('conveyance_types');
  const role = (label: string) => (
    <Badge variant="outline" size="sm" tt="none">
      {label}
    </Badge>
  );
  return (
    <Stack gap="md">
      <Section
        title={t('seizures.links.persons')}
        testId="linked-persons"
        empty={t('seizures.links.none')}
        rows={c.persons.map((l, i) => (
          <Table.Tr key={`${l.person.id}-${l.role}-${i}`}>
            <Table.Td>
              <Anchor component={Link} to={`/registers/persons/${l.person.id}`}>
                <Data>{personLabel(l.person)}</Data>
              </Anchor>
              {l.person.nationalities && l.person.nationalities.length > 0 && (
                <Text size="xs" c="dimmed">
                  {l.person.nationalities.map((n) => countries.label(n)).join(t('common.listSeparator'))}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ textAlign: 'end' }}>{role(personRoles.label(l.role))}</Table.Td>
          </Table.Tr>
        ))}
      />
      <Section
        title={t('seizures.links.companies')}
        testId="linked-companies"
        empty={t('seizures.links.none')}
        rows={c.companies.map((l, i) => (
          <Table.Tr key={`${l.company.id}-${l.role}-${i}`}>
            <Table.Td>
              <Anchor component={Link} to={`/registers/companies/${l.company.id}`}>
                <Data>{companyLabel(l.company)}</Data>
              </Anchor>
            </Table.Td>
            <Table.Td style={{ textAlign: 'end' }}>{role(companyRoles.label(l.role))}</Table.Td>
          </Table.Tr>
        ))}
      />
      <Section
        title={t('seizures.links.conveyances')}
        testId="linked-conveyances"
        empty={t('seizures.links.none')}
        rows={c.conveyances.map((l, i) => (
          <Table.Tr key={`${l.conveyance.id}-${l.role}-${i}`}>
            <Table.Td>
              <Group gap={6}>
                <Anchor component={Link} to={`/registers/conveyances/${l.conveyance.id}`} ff="monospace">
                  <Data>{conveyanceLabel(l.conveyance)}</Data>
                </Anchor>
              </Group>
              <Text size="xs" c="dimmed">
                {conveyanceTypes.label(l.conveyance.conveyance_type)}
              </Text>
            </Table.Td>
            <Table.Td style={{ textAlign: 'end' }}>{role(t(`seizures.conveyanceRoles.${l.role}`))}</Table.Td>
          </Table.Tr>
        ))}
      />
    </Stack>
  );
}
