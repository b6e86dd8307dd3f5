import { useState } from 'react';
import { Alert, Anchor, Button, NumberInput, Select, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFlag, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeBook } from '@/api/queries/codelists';
import type { CaseAppearance, CompanyFlag, CompanyTypology } from '@/api/types';
import { Data } from '@/components/Bidi';
import { CodeSelect } from '@/components/CodeSelect';
import { FREE_TEXT } from '@/components/freeText';
import { EmptyState, LoadingState } from '@/components/states';
import '@/i18n/companies';
import { formatDateTime } from '@/lib/format';
import { useAddFlag, useAddTypology, useCompanyTimeline, useRemoveFlag, useRemoveTypology } from '@/features/registers/api/companies';
import { distinctCases, linkedInvestigations, profileRefusal } from '@/features/registers/lib/companyProfile';
import { FormDialog, RemoveButton, Section } from './ProfileParts';
import { useDialogErrors } from './useDialogErrors';
import { useRemoval } from './useRemoval';

/** What a typology is recorded against: its case or its investigation (a link), or an investigation the reader is not on. */
function Against({ typology }: { typology: CompanyTypology }) {
  const { t } = useTranslation();
  if (typology.case)
    return (
      <>
        {t('companies:typologies.case')}
        {t('companies:labelSeparator')}
        <Anchor component={Link} to={`/seizures/${typology.case.id}`} ff="monospace" size="sm">
          <Data>{typology.case.name}</Data>
        </Anchor>
      </>
    );
  if (typology.investigation)
    return (
      <>
        {t('companies:typologies.investigation')}
        {t('companies:labelSeparator')}
        <Anchor component={Link} to={`/investigations/${typology.investigation.id}`} ff="monospace" size="sm">
          <Data>{typology.investigation.name}</Data>
        </Anchor>
      </>
    );
  return <Text c="dimmed" size="sm" span>{t('companies:typologies.restrictedInvestigation')}</Text>;
}

/**
 * The fraud typologies recorded against the company's part in cases and investigations, and
 * the analysts' flags (points added to or taken from its risk score, with the reason). Who may
 * assess companies (`companies.assess`) records and withdraws them.
 */
export function AssessmentTab({
  companyId,
  typologies,
  flags,
  cases,
  canAssess,
}: {
  companyId: string;
  typologies: readonly CompanyTypology[];
  flags: readonly CompanyFlag[];
  cases: readonly CaseAppearance[];
  canAssess: boolean;
}) {
  return (
    <Stack>
      <Typologies companyId={companyId} typologies={typologies} cases={cases} canAssess={canAssess} />
      <Flags companyId={companyId} flags={flags} canAssess={canAssess} />
    </Stack>
  );
}

function Typologies({
  companyId,
  typologies,
  cases,
  canAssess,
}: {
  companyId: string;
  typologies: readonly CompanyTypology[];
  cases: readonly CaseAppearance[];
  canAssess: boolean;
}) {
  const { t, i18n } = useTranslation();
  const book = useCodeBook('fraud_typologies');
  const [adding, setAdding] = useState(false);
  const removal = useRemoval(useRemoveTypology(companyId), {
    title: t('companies:typologies.withdrawTitle'),
    body: (ty: CompanyTypology) => t('companies:typologies.withdrawBody', { typology: book.label(ty.typology) }),
    confirmLabel: t('companies:typologies.withdrawConfirm'),
    done: (ty) => t('companies:typologies.withdrawn', { typology: book.label(ty.typology) }),
  });
  return (
    <Section
      title={t('companies:typologies.title')}
      testId="company-typologies"
      actions={
        canAssess && (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('companies:typologies.add')}
          </Button>
        )
      }
    >
      {typologies.length === 0 ? (
        <EmptyState title={t('companies:typologies.none')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('companies:typologies.title')} data-testid="typologies-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('companies:typologies.typology')}</Table.Th>
                <Table.Th scope="col">{t('companies:typologies.against')}</Table.Th>
                <Table.Th scope="col">{t('companies:typologies.note')}</Table.Th>
                <Table.Th scope="col">{t('companies:typologies.recorded')}</Table.Th>
                {canAssess && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {typologies.map((ty) => (
                <Table.Tr key={ty.id}>
                  <Table.Td>{book.label(ty.typology)}</Table.Td>
                  <Table.Td>
                    <Against typology={ty} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{ty.note ? <Data>{ty.note}</Data> : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('companies:byOn', { name: ty.recorded_by.name, when: formatDateTime(ty.recorded_at, i18n.language) })}</Text>
                  </Table.Td>
                  {canAssess && (
                    <Table.Td ta="end">
                      <RemoveButton label={t('companies:typologies.withdraw', { typology: book.label(ty.typology) })} onClick={() => removal.ask(ty)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canAssess && adding && <AddTypologyDialog companyId={companyId} cases={cases} onClose={() => setAdding(false)} />}
      {removal.dialog}
    </Section>
  );
}

const TYPOLOGY_FIELDS = ['typology', 'case_id', 'investigation_id', 'note'] as const;

/** What a typology is recorded against, as the dialog's picker holds it. */
type Target = { kind: 'case' | 'investigation'; id: string };
const targetValue = (a: Target) => `${a.kind}:${a.id}`;
const parseTarget = (value: string | null): Target | null => {
  const [kind, id] = value?.split(':') ?? [];
  return (kind === 'case' || kind === 'investigation') && id ? { kind, id } : null;
};

/**
 * A typology to record against one of the cases that name the company, or one of the
 * investigations the reader is on that link it (those of its timeline: read as its tab reads
 * it, older ones on demand).
 */
function AddTypologyDialog({ companyId, cases, onClose }: { companyId: string; cases: readonly CaseAppearance[]; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddTypology(companyId);
  const book = useCodeBook('fraud_typologies');
  const timeline = useCompanyTimeline(companyId);
  const [typology, setTypology] = useState<string | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [note, setNote] = useState('');
  const { errors, server, check: setChecked, changed } = useDialogErrors('typology', add, TYPOLOGY_FIELDS);
  const caseOptions = distinctCases(cases).map((c) => ({ value: targetValue({ kind: 'case', id: c.case_id }), label: c.reference }));
  const investigationOptions = linkedInvestigations(timeline.data?.pages.flatMap((p) => p.items) ?? []).map((i) => ({
    value: targetValue({ kind: 'investigation', id: i.id }),
    label: i.title ? `${i.reference} – ${i.title}` : i.reference,
  }));
  const withInvestigations = investigationOptions.length > 0;
  const none = caseOptions.length === 0 && !withInvestigations;

  const submit = () => {
    const invalid: Record<string, string> = {};
    if (!typology) invalid.typology = t('validation.required');
    if (!target) invalid.case_id = t(withInvestigations ? 'companies:errors.recordRequired' : 'companies:errors.caseRequired');
    setChecked(invalid);
    if (!typology || !target) return;
    const record = target.kind === 'case' ? { case_id: target.id } : { investigation_id: target.id };
    add.mutate(
      { typology, ...record, note: note.trim() || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('companies:typologies.added', { typology: book.label(typology) }) });
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog
      title={t('companies:typologies.addTitle')}
      testId="add-typology-form"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('companies:typologies.addSubmit')}
      pending={add.isPending}
      submitDisabled={none}
      error={add.error}
      server={server}
      conflict={profileRefusal(t, add.error, target?.kind)}
    >
      <CodeSelect
        list="fraud_typologies"
        label={t('companies:typologies.typology')}
        withAsterisk
        value={typology}
        onChange={(v) => {
          setTypology(v);
          changed();
        }}
        error={errors.typology}
      />
      {none && timeline.isPending ? (
        <LoadingState />
      ) : none ? (
        <Alert color="gray" variant="light" data-testid="typology-no-cases">
          {t('companies:typologies.noCases')}
        </Alert>
      ) : (
        <Select
          label={t(withInvestigations ? 'companies:typologies.record' : 'companies:typologies.case')}
          description={t(withInvestigations ? 'companies:typologies.recordHelp' : 'companies:typologies.caseHelp')}
          withAsterisk
          searchable
          data={
            withInvestigations
              ? [
                  ...(caseOptions.length > 0 ? [{ group: t('companies:typologies.cases'), items: caseOptions }] : []),
                  { group: t('companies:typologies.investigations'), items: investigationOptions },
                ]
              : caseOptions
          }
          value={target && targetValue(target)}
          onChange={(v) => {
            setTarget(parseTarget(v));
            changed();
          }}
          error={errors.case_id ?? errors.investigation_id}
          comboboxProps={{ withinPortal: true }}
          data-testid="typology-against"
        />
      )}
      {timeline.hasNextPage && (
        <Button
          variant="subtle"
          size="compact-sm"
          style={{ alignSelf: 'flex-start' }}
          loading={timeline.isFetchingNextPage}
          onClick={() => void timeline.fetchNextPage()}
          data-testid="typology-older-investigations"
        >
          {t('companies:typologies.olderInvestigations')}
        </Button>
      )}
      <Textarea
        label={t('companies:typologies.note')}
        autosize
        minRows={2}
        maxLength={1000}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          changed();
        }}
        error={errors.note}
        {...FREE_TEXT}
      />
    </FormDialog>
  );
}

/** Points with their sign ("+10", "−5"). */
const signed = (points: number) => (points > 0 ? `+${points}` : `\u2212${Math.abs(points)}`);

function Flags({ companyId, flags, canAssess }: { companyId: string; flags: readonly CompanyFlag[]; canAssess: boolean }) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const removal = useRemoval(useRemoveFlag(companyId), {
    title: t('companies:flags.removeTitle'),
    body: (f: CompanyFlag) => t('companies:flags.removeBody', { points: signed(f.points), reason: f.reason }),
    confirmLabel: t('companies:actions.remove'),
    done: () => t('companies:flags.removed'),
  });
  return (
    <Section
      title={t('companies:flags.title')}
      testId="company-flags"
      actions={
        canAssess && (
          <Button variant="default" leftSection={<IconFlag size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('companies:flags.add')}
          </Button>
        )
      }
    >
      {flags.length === 0 ? (
        <EmptyState title={t('companies:flags.none')} />
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label={t('companies:flags.title')} data-testid="flags-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" ta="end">
                  {t('companies:flags.points')}
                </Table.Th>
                <Table.Th scope="col">{t('companies:flags.reason')}</Table.Th>
                <Table.Th scope="col">{t('companies:flags.set')}</Table.Th>
                {canAssess && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {flags.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td ta="end" ff="monospace" c={f.points > 0 ? 'red.9' : 'green.9'} fw={600}>
                    <Data ltr>{signed(f.points)}</Data>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                    <Data>{f.reason}</Data>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('companies:byOn', { name: f.set_by.name, when: formatDateTime(f.set_at, i18n.language) })}</Text>
                  </Table.Td>
                  {canAssess && (
                    <Table.Td ta="end">
                      <RemoveButton label={t('companies:flags.remove', { points: signed(f.points), reason: f.reason })} onClick={() => removal.ask(f)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canAssess && adding && <AddFlagDialog companyId={companyId} onClose={() => setAdding(false)} />}
      {removal.dialog}
    </Section>
  );
}

const FLAG_FIELDS = ['points', 'reason'] as const;

/** An analyst's flag: −50 to 50 points (not 0) added to the risk score, and why. */
function AddFlagDialog({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddFlag(companyId);
  const [points, setPoints] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const { errors, server, check: setChecked, changed } = useDialogErrors('flag', add, FLAG_FIELDS);

  const submit = () => {
    const invalid: Record<string, string> = {};
    const n = points === '' ? NaN : Number(points);
    if (!Number.isInteger(n) || n === 0 || n < -50 || n > 50) invalid.points = t('companies:errors.pointsRange');
    if (!reason.trim()) invalid.reason = t('validation.required');
    setChecked(invalid);
    if (Object.keys(invalid).length > 0) return;
    add.mutate(
      { points: n, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('companies:flags.added') });
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog
      title={t('companies:flags.addTitle')}
      testId="add-flag-form"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('companies:flags.addSubmit')}
      pending={add.isPending}
      error={add.error}
      server={server}
    >
      <NumberInput
        label={t('companies:flags.points')}
        description={t('companies:flags.pointsHelp')}
        withAsterisk
        min={-50}
        max={50}
        clampBehavior="none"
        allowDecimal={false}
        value={points}
        onChange={(v) => {
          setPoints(v);
          changed();
        }}
        error={errors.points}
      />
      <Textarea
        label={t('companies:flags.reason')}
        withAsterisk
        autosize
        minRows={2}
        maxLength={1000}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          changed();
        }}
        error={errors.reason}
        {...FREE_TEXT}
      />
    </FormDialog>
  );
}
