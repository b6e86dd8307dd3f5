import { useState } from 'react';
import { Button, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompanyRelation, RelationInput, RelationKind } from '@/api/types';
import { Data } from '@/components/Bidi';
import { FREE_TEXT } from '@/components/freeText';
import { RecordSearch, type Match } from '@/components/RecordSearch';
import { EmptyState } from '@/components/states';
import '@/i18n/companies';
import { RELATION_KINDS, SHARE_RELATIONS } from '@/lib/codes';
import { useAddRelation, useCompanyChoices, useRemoveRelation } from '@/features/registers/api/companies';
import { periodText, shareText } from '@/features/registers/lib/companyProfile';
import { Chosen, CompanyRefLink, CompanyStatusText, FormDialog, RefRisk, RemoveButton, Section } from './ProfileParts';
import { useDialogErrors } from './useDialogErrors';
import { useRemoval } from './useRemoval';

const useCompanyOptions = (q: string) => {
  const r = useCompanyChoices(q);
  return { isFetching: r.isFetching, data: r.data?.map((c) => ({ id: c.id, label: c.country ? `${c.name} (${c.country})` : c.name })) };
};

const FIELDS = ['kind', 'company_id', 'share_percent', 'from', 'until', 'note'] as const;

/**
 * The company's relations with other companies, each read "this company is the <kind> of
 * <company>": the other company (a link), its status and risk, the share held, the period.
 */
export function RelationsTab({
  companyId,
  relations,
  canWrite,
}: {
  companyId: string;
  relations: readonly CompanyRelation[];
  canWrite: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const removal = useRemoval(useRemoveRelation(companyId), {
    title: t('companies:relations.removeTitle'),
    body: (r: CompanyRelation) =>
      t('companies:relations.removeBody', { relation: t(`companies:relations.sentence.${r.kind}`, { company: r.company.name }) }),
    confirmLabel: t('companies:actions.remove'),
    done: (r) => t('companies:relations.removed', { company: r.company.name }),
  });
  return (
    <Section
      title={t('companies:relations.title')}
      testId="company-relations"
      actions={
        canWrite && (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('companies:relations.add')}
          </Button>
        )
      }
    >
      {relations.length === 0 ? (
        <EmptyState title={t('companies:relations.none')} />
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('companies:relations.intro')}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={t('companies:relations.table')} data-testid="relations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('companies:relations.kind')}</Table.Th>
                  <Table.Th scope="col">{t('companies:relations.company')}</Table.Th>
                  <Table.Th scope="col">{t('companies:relations.status')}</Table.Th>
                  <Table.Th scope="col">{t('companies:relations.risk')}</Table.Th>
                  <Table.Th scope="col">{t('companies:relations.share')}</Table.Th>
                  <Table.Th scope="col">{t('companies:relations.period')}</Table.Th>
                  <Table.Th scope="col">{t('companies:relations.note')}</Table.Th>
                  {canWrite && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {relations.map((r) => (
                  <Table.Tr key={r.id} data-kind={r.kind}>
                    <Table.Td>{t(`companies:relations.kinds.${r.kind}`, { defaultValue: r.kind })}</Table.Td>
                    <Table.Td>
                      <CompanyRefLink company={r.company} />
                    </Table.Td>
                    <Table.Td>
                      <CompanyStatusText status={r.company.status} />
                    </Table.Td>
                    <Table.Td>
                      <RefRisk company={r.company} />
                    </Table.Td>
                    <Table.Td>{shareText(r.share_percent, i18n.language) || '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodText(r.from, r.until) ? <Data ltr>{periodText(r.from, r.until)}</Data> : '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.note ? <Data>{r.note}</Data> : '—'}</Table.Td>
                    {canWrite && (
                      <Table.Td ta="end">
                        <RemoveButton label={t('companies:relations.remove', { company: r.company.name })} onClick={() => removal.ask(r)} />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {canWrite && adding && <AddRelationDialog companyId={companyId} onClose={() => setAdding(false)} />}
      {removal.dialog}
    </Section>
  );
}

interface RelationDraft {
  kind: RelationKind | null;
  company: Match | null;
  share: number | string;
  from: string;
  until: string;
  note: string;
}

const EMPTY: RelationDraft = { kind: null, company: null, share: '', from: '', until: '', note: '' };

/** A relation to record: its kind, the other company (found in the register), the share (parents and subsidiaries), a period and a note. */
function AddRelationDialog({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddRelation(companyId);
  const [draft, setDraft] = useState<RelationDraft>(EMPTY);
  const { errors, server, check: setChecked, changed } = useDialogErrors('relation', add, FIELDS);
  const withShare = !!draft.kind && SHARE_RELATIONS.includes(draft.kind);
  const set = (change: Partial<RelationDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    changed();
  };

  const submit = () => {
    const invalid: Record<string, string> = {};
    if (!draft.kind) invalid.kind = t('validation.required');
    if (!draft.company) invalid.company_id = t('companies:errors.companyRequired');
    const share = withShare && draft.share !== '' ? Number(draft.share) : null;
    if (share !== null && !(share > 0 && share <= 100)) invalid.share_percent = t('companies:errors.shareRange');
    if (draft.from && draft.until && draft.until < draft.from) invalid.until = t('companies:errors.beforeStart');
    setChecked(invalid);
    if (Object.keys(invalid).length > 0 || !draft.kind || !draft.company) return;
    const input: RelationInput = {
      kind: draft.kind,
      company_id: draft.company.id,
      share_percent: share,
      from: draft.from || null,
      until: draft.until || null,
      note: draft.note.trim() || null,
    };
    const company = draft.company.label;
    add.mutate(input, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('companies:relations.added', { company }) });
        onClose();
      },
    });
  };

  return (
    <FormDialog
      title={t('companies:relations.addTitle')}
      testId="add-relation-form"
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('companies:relations.addSubmit')}
      pending={add.isPending}
      error={add.error}
      server={server}
    >
      <Select
        label={t('companies:relations.kindLabel')}
        description={t('companies:relations.kindHelp')}
        withAsterisk
        data={RELATION_KINDS.map((k) => ({ value: k, label: t(`companies:relations.kinds.${k}`) }))}
        value={draft.kind}
        onChange={(v) => set({ kind: v as RelationKind | null })}
        error={errors.kind}
        comboboxProps={{ withinPortal: true }}
      />
      {draft.company ? (
        <Chosen
          id="company-relation-company_id"
          label={t('companies:relations.company')}
          name={draft.company.label}
          to={`/registers/companies/${draft.company.id}`}
          onChange={() => set({ company: null })}
        />
      ) : (
        <RecordSearch
          id="company-relation-company_id"
          label={t('companies:relations.find')}
          withAsterisk
          useMatches={useCompanyOptions}
          // the company itself is not offered: the server would refuse it (`self`)
          exclude={companyId}
          error={errors.company_id}
          onPick={(m) => {
            set({ company: m });
            setChecked(({ company_id: _, ...rest }) => rest);
          }}
        />
      )}
      {draft.company && errors.company_id && (
        <Text size="xs" c="var(--mantine-color-error)" role="alert">
          {errors.company_id}
        </Text>
      )}
      {withShare && (
        <NumberInput
          label={t('companies:relations.sharePercent')}
          description={t('companies:relations.shareHelp')}
          min={0}
          max={100}
          clampBehavior="none"
          decimalScale={2}
          suffix=" %"
          value={draft.share}
          onChange={(v) => set({ share: v })}
          error={errors.share_percent}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('companies:period.from')} value={draft.from} onChange={(e) => set({ from: e.currentTarget.value })} error={errors.from} />
        <TextInput
          type="date"
          label={t('companies:period.until')}
          min={draft.from || undefined}
          value={draft.until}
          onChange={(e) => set({ until: e.currentTarget.value })}
          error={errors.until}
        />
      </SimpleGrid>
      <Textarea label={t('companies:relations.note')} autosize minRows={2} maxLength={1000} value={draft.note} onChange={(e) => set({ note: e.currentTarget.value })} error={errors.note} {...FREE_TEXT} />
    </FormDialog>
  );
}
