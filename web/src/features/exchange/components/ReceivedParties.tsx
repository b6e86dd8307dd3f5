import { Fragment, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBuilding, IconChevronDown, IconUser } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import { useMe } from '@/api/queries/me';
import { Bidi, Data } from '@/components/Bidi';
import { can } from '@/lib/permissions';
import type { ReceivedParty } from '../api/exchange';
import { runsExchange } from '../lib/access';
import { formatContribution, formatScore, recordPath } from '../lib/matching';
import { ProvenanceBadge } from './parts';
import { LinkingWithdrawnNote, PartyLinked, PartyLinkError, SameButton } from './PartyLinks';
import { usePartyLinking } from './usePartyLinking';

type Candidate = ReceivedParty['candidates'][number];
type PartyAlert = ReceivedParty['alerts'][number];
type Band = Candidate['band'];

/**
 * As on the screening page: hit, white on red 9 (5.5:1); review, dark orange on orange 1
 * (6.4:1). The band is written out, never told by colour alone.
 */
const BAND_STYLE: Record<Band, { color: string; variant: 'filled' | 'light'; styles?: { root: Record<string, string> } }> = {
  hit: { color: 'red.9', variant: 'filled' },
  review: { color: 'orange', variant: 'light', styles: { root: { color: '#8f3a00', backgroundColor: 'var(--mantine-color-orange-1)' } } },
};

function BandBadge({ band }: { band: Band }) {
  const { t } = useTranslation();
  const style = BAND_STYLE[band] ?? BAND_STYLE.review;
  return (
    <Badge color={style.color} variant={style.variant} styles={style.styles} tt="none" data-testid="candidate-band">
      {t(`screening.bands.${band}`, { defaultValue: band })}
    </Badge>
  );
}

/** Each piece of evidence: what was compared (in the UI language), how it compared (as the server wrote it), its part of the score. */
function Evidence({ candidate, id }: { candidate: Candidate; id: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Box id={id} data-testid="candidate-evidence" py="xs">
      {candidate.features.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('screening.explanation.none')}
        </Text>
      ) : (
        <Table withTableBorder={false} verticalSpacing={4} aria-label={t('screening.explanation.label', { label: candidate.label })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('screening.explanation.feature')}</Table.Th>
              <Table.Th scope="col">{t('screening.explanation.detail')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('screening.explanation.contribution')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidate.features.map((f, i) => (
              <Table.Tr key={`${f.feature}-${i}`} data-testid="candidate-feature">
                <Table.Td>{t(`screening.features.${f.feature}`, { defaultValue: f.feature })}</Table.Td>
                <Table.Td>
                  <Data>{f.detail}</Data>
                </Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }} ff="monospace">
                  <Bidi ltr>{formatContribution(f.contribution, i18n.language)}</Bidi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Box>
  );
}

/** What a liaison officer may do with the links of a case's parties. */
interface Linking {
  caseId: string;
  /** link a party to a candidate ("This is the same"): not while the sender's withdrawal stands */
  mayLink: boolean;
  /** take a link back */
  mayUnlink: boolean;
}

/**
 * The persons and companies of a received case, each marked as received from the partner, with
 * the active alerts it may hit (what to do and whom to contact, never why) and the records of
 * this node's registers that may be the same: proposals to check, never merged. A liaison
 * officer may say that one of them is the person or company received ("This is the same"): the
 * party is then shown linked to it, until the link is taken back. Not while the sender's
 * withdrawal of the case stands: it is kept for the record, not to be used.
 */
export function ReceivedParties({
  caseId,
  parties,
  country,
  withdrawn = false,
}: {
  caseId: string;
  parties: readonly ReceivedParty[];
  country: string;
  withdrawn?: boolean;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const manages = runsExchange(me);
  const linking: Linking = { caseId, mayLink: manages && !withdrawn, mayUnlink: manages };
  const persons = parties.some((p) => p.kind === 'person');
  const companies = parties.some((p) => p.kind === 'company');
  const personRoles = useCodeBook('person_roles', persons);
  const companyRoles = useCodeBook('company_roles', companies);
  return (
    <Stack gap="sm" component="section" aria-labelledby="parties-title" data-testid="received-parties">
      <Title order={2} size="h4" id="parties-title">
        {t('exchange:received.parties.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('exchange:received.parties.help')}
        {manages && (
          <>
            {' '}
            {t('exchange:received.link.help')}
          </>
        )}
      </Text>
      {manages && withdrawn && parties.length > 0 && <LinkingWithdrawnNote />}
      {parties.length === 0 ? (
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('exchange:received.parties.empty')}
          </Text>
        </Paper>
      ) : (
        parties.map((party, i) => (
          <Party
            key={party.position}
            party={party}
            index={i}
            country={country}
            linking={linking}
            role={party.role ? (party.kind === 'company' ? companyRoles : personRoles).label(party.role) : null}
          />
        ))
      )}
    </Stack>
  );
}

function Party({
  party,
  index,
  country,
  role,
  linking,
}: {
  party: ReceivedParty;
  index: number;
  country: string;
  role: string | null;
  linking: Linking;
}) {
  const { t } = useTranslation();
  const titleId = `party-${index}`;
  const company = party.kind === 'company';
  const links = usePartyLinking(linking.caseId, party);
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="received-party"
      data-kind={party.kind}
      data-position={party.position}
      data-linked={party.link ? 'true' : undefined}
    >
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            {company ? <IconBuilding size={18} aria-hidden /> : <IconUser size={18} aria-hidden />}
            <Title order={3} size="h5" id={titleId}>
              <Data>{party.label}</Data>
            </Title>
          </Group>
          <Text size="sm" c="dimmed" data-testid="party-role">
            {t(company ? 'exchange:received.parties.company' : 'exchange:received.parties.person')}
            {role && (
              <>
                {' · '}
                <Data>{role}</Data>
              </>
            )}
          </Text>
        </Stack>
        <ProvenanceBadge country={country} />
      </Group>
      {party.link && (
        <PartyLinked
          link={party.link}
          kind={party.kind}
          labelId={`party-${index}-linked`}
          onUnlink={linking.mayUnlink ? links.unlink : undefined}
          unlinking={links.unlinking}
          disabled={links.busy}
        />
      )}
      {links.error != null && (
        <Box mb="sm">
          <PartyLinkError error={links.error} />
        </Box>
      )}
      {party.alerts.length > 0 && <PartyAlerts alerts={party.alerts} />}
      <Candidates party={party} index={index} decide={linking.mayLink ? links : undefined} />
    </Paper>
  );
}

/** The active alerts a received person or company may hit, as a screening officer may know them: what to do, whom to contact. */
function PartyAlerts({ alerts }: { alerts: readonly PartyAlert[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" mb="sm" data-testid="party-alerts">
      {alerts.map((a) => (
        <Alert
          key={a.alert_reference}
          role="note"
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('alerts.notices.title', { reference: a.alert_reference })}
          data-testid="party-alert"
          styles={{ root: { borderInlineStart: '4px solid var(--mantine-color-red-9)' } }}
        >
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('exchange:received.parties.alert', {
                reference: a.alert_reference,
                score: formatScore(a.score, i18n.language),
                action: t(`alerts.requestedActions.${a.requested_action}`, { defaultValue: a.requested_action }),
              })}
            </Text>
            {a.handling_instructions && (
              <Text size="sm" dir="auto" translate="no" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {a.handling_instructions}
              </Text>
            )}
            <Text size="sm">{t('alerts.notices.contact', { name: a.contact.name, unit: a.contact_unit.name })}</Text>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}

/**
 * "Possible matches in our registers": band, score, the record (a link to it for whoever may
 * read the registers), on demand the evidence, and, given `decide`, the way to say that one is
 * the party received ("This is the same").
 */
function Candidates({ party, index, decide }: { party: ReceivedParty; index: number; decide?: ReturnType<typeof usePartyLinking> }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const links = can(me, 'registers.read');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const headingId = `party-${index}-matches`;
  return (
    <Stack gap={4}>
      <Title order={4} size="h6" id={headingId}>
        {t('exchange:received.parties.matches')}
      </Title>
      {party.candidates.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="party-no-match">
          {t('exchange:received.parties.noMatch')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={decide ? 720 : 560}>
          <Table aria-labelledby={headingId} data-testid="party-candidates">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('screening.results.band')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('screening.results.score')}
                </Table.Th>
                <Table.Th scope="col">{t('screening.results.record')}</Table.Th>
                <Table.Th scope="col">{t('screening.results.explanation')}</Table.Th>
                {decide && <Table.Th scope="col">{t('exchange:received.link.column')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {party.candidates.map((c: Candidate) => {
                const key = `${c.kind}-${c.id}`;
                const expanded = open.has(key);
                const panelId = `party-${index}-why-${key}`;
                const labelId = `party-${index}-label-${key}`;
                return (
                  <Fragment key={key}>
                    <Table.Tr data-testid="party-candidate" data-band={c.band}>
                      <Table.Td>
                        <BandBadge band={c.band} />
                      </Table.Td>
                      <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }} data-testid="candidate-score">
                        <Bidi ltr>{formatScore(c.score, i18n.language)}</Bidi>
                      </Table.Td>
                      <Table.Td>
                        {links ? (
                          <Anchor component={Link} to={recordPath(c)} id={labelId} size="sm">
                            <Data>{c.label}</Data>
                          </Anchor>
                        ) : (
                          <Text size="sm" id={labelId}>
                            <Data>{c.label}</Data>
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="xs"
                          onClick={() => toggle(key)}
                          aria-expanded={expanded}
                          aria-controls={expanded ? panelId : undefined}
                          aria-describedby={labelId}
                          rightSection={
                            <IconChevronDown
                              size={14}
                              aria-hidden
                              style={{ transform: expanded ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
                            />
                          }
                        >
                          {t('screening.why')}
                        </Button>
                      </Table.Td>
                      {decide && (
                        <Table.Td>
                          {c.kind === party.kind && (
                            <SameButton
                              recordId={c.id}
                              labelId={labelId}
                              linked={party.link?.record_id === c.id}
                              linking={decide.linking === c.id}
                              disabled={decide.busy}
                              onLink={() => decide.link(c.id)}
                            />
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr>
                        <Table.Td colSpan={decide ? 5 : 4} bg="var(--mantine-color-gray-0)">
                          <Evidence candidate={c} id={panelId} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
