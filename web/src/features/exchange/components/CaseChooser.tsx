import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Loader, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CaseStatusBadge } from '@/components/CaseStatusBadge';
import { Data } from '@/components/Bidi';
import { useErrorMessage } from '@/components/useErrorMessage';
import { formatDateTime } from '@/lib/format';
import { caseTokens, resolveCase, useCaseRef, useValidatedCases, type PickedCase } from '../api/cases';

/** At most this many cases in one preview (as the server takes them). */
export const MAX_CASES = 100;

/** A chosen case: its id, and its reference and status once known. */
export type ChosenCase = Pick<PickedCase, 'id'> & Partial<Omit<PickedCase, 'id'>>;

/**
 * The validated cases to preview: found by reference or words (validated cases only), or
 * pasted as references or ids; each listed with a way to remove it, and what the server said
 * of it (`errors`, by case id: not validated, no such case).
 */
export function CaseChooser({
  cases,
  onChange,
  errors,
  error,
}: {
  cases: readonly ChosenCase[];
  onChange: (cases: ChosenCase[]) => void;
  errors: Record<string, string>;
  /** said of the list as a whole (none chosen, too many) */
  error?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useValidatedCases(q);
  const [pasted, setPasted] = useState('');
  const [resolving, setResolving] = useState(false);
  const [notes, setNotes] = useState<{ missing: string[]; notValidated: string[]; failure: unknown; full: boolean }>({
    missing: [],
    notValidated: [],
    failure: null,
    full: false,
  });
  const chosen = new Set(cases.map((c) => c.id));
  const options = q.length >= 2 ? (found.data ?? []).filter((c) => !chosen.has(c.id)) : [];
  const byId = new Map(options.map((c) => [c.id, c]));

  const add = (items: PickedCase[]) => {
    const next = [...cases];
    for (const c of items) if (!next.some((n) => n.id === c.id)) next.push(c);
    const full = next.length > MAX_CASES;
    onChange(next.slice(0, MAX_CASES));
    return full;
  };

  const addPasted = async () => {
    const tokens = caseTokens(pasted);
    if (tokens.length === 0) return;
    setResolving(true);
    const missing: string[] = [];
    const notValidated: string[] = [];
    const ok: PickedCase[] = [];
    try {
      for (const token of tokens) {
        const c = await resolveCase(token);
        if (!c) missing.push(token);
        else if (c.status !== 'validated') notValidated.push(c.reference);
        else ok.push(c);
      }
      const full = add(ok);
      setNotes({ missing, notValidated, failure: null, full });
      setPasted([...missing, ...notValidated].join('\n'));
    } catch (e) {
      setNotes({ missing: [], notValidated: [], failure: e, full: false });
    } finally {
      setResolving(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="case-chooser">
      <Select
        label={t('exchange:preview.search')}
        description={t('exchange:preview.searchHelp')}
        placeholder={t('exchange:preview.searchPlaceholder')}
        searchable
        value={null}
        searchValue={search}
        onSearchChange={setSearch}
        data={options.map((c) => ({ value: c.id, label: c.reference }))}
        filter={({ options: all }) => all}
        renderOption={({ option }) => {
          const c = byId.get(option.value);
          return (
            <Stack gap={0}>
              <Text size="sm">{option.label}</Text>
              {c && (
                <Text size="xs" c="dimmed">
                  {[formatDateTime(c.detected_at, i18n.language), c.place].filter(Boolean).join(' · ')}
                </Text>
              )}
            </Stack>
          );
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={found.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
        nothingFoundMessage={search.trim().length < 2 ? t('exchange:preview.typeMore') : t('common.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        onChange={(id) => {
          const c = id ? byId.get(id) : undefined;
          if (!c) return;
          // the parent's state is set here, not inside this component's state update
          const full = add([{ id: c.id, reference: c.reference, status: c.status }]);
          setNotes((n) => ({ ...n, full }));
          setSearch('');
        }}
      />
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          label={t('exchange:preview.paste')}
          description={t('exchange:preview.pasteHelp')}
          autosize
          minRows={1}
          maxRows={6}
          dir="ltr"
          value={pasted}
          onChange={(e) => setPasted(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => void addPasted()}
          loading={resolving}
          disabled={!pasted.trim()}
        >
          {t('exchange:preview.add')}
        </Button>
      </Group>
      {(notes.missing.length > 0 || notes.notValidated.length > 0 || notes.failure != null || notes.full) && (
        <Alert color="orange" variant="light" role="alert" data-testid="case-notes" p="xs">
          <Stack gap={2}>
            {notes.missing.length > 0 && <Text size="sm">{t('exchange:preview.notFound', { tokens: notes.missing.join(t('common.listSeparator')) })}</Text>}
            {notes.notValidated.length > 0 && (
              <Text size="sm">{t('exchange:preview.notValidatedLocal', { refs: notes.notValidated.join(t('common.listSeparator')) })}</Text>
            )}
            {notes.full && <Text size="sm">{t('exchange:preview.tooMany', { max: MAX_CASES })}</Text>}
            {notes.failure != null && <Text size="sm">{message(notes.failure)}</Text>}
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="xs">
        <Text size="xs" c="dimmed" fw={600} mb={4} id="chosen-cases-label">
          {t('exchange:preview.chosen', { count: cases.length })}
        </Text>
        {cases.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('exchange:preview.none')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" aria-labelledby="chosen-cases-label" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="chosen-cases">
            {cases.map((c) => (
              <ChosenRow key={c.id} chosen={c} error={errors[c.id]} onRemove={() => onChange(cases.filter((x) => x.id !== c.id))} />
            ))}
          </Stack>
        )}
        {error && (
          <Text size="sm" c="red.8" mt={4} role="alert">
            {error}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

function ChosenRow({ chosen, error, onRemove }: { chosen: ChosenCase; error?: string; onRemove: () => void }) {
  const { t } = useTranslation();
  // a case given by id only (from the case's page): its reference and status read
  const ref = useCaseRef(chosen.reference ? null : chosen.id);
  const reference = chosen.reference ?? ref.data?.reference;
  const status = chosen.status ?? ref.data?.status;
  return (
    <li data-case-id={chosen.id}>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={500} ff={reference ? undefined : 'monospace'}>
          <Data>{reference ?? chosen.id}</Data>
        </Text>
        {status && <CaseStatusBadge status={status} />}
        {error && (
          <Text size="xs" c="red.8" data-testid="case-error">
            {error}
          </Text>
        )}
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          ms="auto"
          onClick={onRemove}
          aria-label={t('exchange:preview.remove', { reference: reference ?? chosen.id })}
        >
          <IconX size={14} aria-hidden />
        </ActionIcon>
      </Group>
    </li>
  );
}
