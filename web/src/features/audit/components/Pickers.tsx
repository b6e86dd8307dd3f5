import { useMemo, useState } from 'react';
import { Autocomplete, Select, Stack, Text, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { canAny } from '@/lib/permissions';
import { useActorSuggestions, useAuditActions } from '../api/audit';
import { actionOptions } from '../lib/actions';
import { fold, matchLabelOrCode, OBJECT_TYPES, OUTCOMES } from '../lib/options';

/** The action filter: the known actions, translated and grouped by kind, each kind also as a whole. */
export function ActionSelect({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  const { t, i18n } = useTranslation();
  const actions = useAuditActions();
  const data = useMemo(() => actionOptions(t, i18n.language, actions.data ?? [], value || null), [t, i18n.language, actions.data, value]);
  return (
    <Select
      label={label}
      placeholder={t('audit.allActions')}
      searchable
      clearable
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      filter={matchLabelOrCode}
      maxDropdownHeight={360}
      nothingFoundMessage={actions.isPending ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      data-testid="audit-action-picker"
    />
  );
}

export interface SeenActor {
  username: string;
  name: string | null;
}

/**
 * The actor filter: a username, picked among the accounts matching what is typed (name or
 * username) when the reader may list users, else among the actors of the events loaded; free
 * text is kept (e.g. a username that failed to sign in).
 */
export function ActorPicker({
  value,
  onChange,
  seen,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  seen: readonly SeenActor[];
  label: string;
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const canList = canAny(me, ['users.read', 'users.manage']);
  const typed = value.trim();
  const [q] = useDebouncedValue(typed, 250);
  // accounts are looked up once the picker is used, not on every visit to the page
  const [used, setUsed] = useState(false);
  const users = useActorSuggestions(q, canList && used);

  const { data, names } = useMemo(() => {
    const names = new Map<string, string>();
    const order: string[] = [];
    const add = (username: string, name: string | null | undefined) => {
      if (!names.has(username)) order.push(username);
      if (name || !names.has(username)) names.set(username, name || names.get(username) || '');
    };
    for (const u of canList ? (users.data ?? []) : []) add(u.username, u.display_name);
    // the actors seen are filtered as one types (no request to wait for)
    const folded = fold(typed);
    for (const s of seen) {
      if (!folded || fold(s.username).includes(folded) || (s.name && fold(s.name).includes(folded))) add(s.username, s.name);
    }
    return { data: order.slice(0, 30), names };
  }, [canList, users.data, seen, typed]);

  return (
    <Autocomplete
      label={label}
      description={t('audit.actorHelp')}
      placeholder={t('audit.anyActor')}
      value={value}
      onChange={onChange}
      onFocus={() => setUsed(true)}
      data={data}
      clearable
      filter={({ options }) => options}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">
            <bdi>{names.get(option.value) || option.value}</bdi>
          </Text>
          {names.get(option.value) && (
            <Text size="xs" c="dimmed">
              <bdi>{option.value}</bdi>
            </Text>
          )}
        </Stack>
      )}
      comboboxProps={{ withinPortal: true }}
      data-testid="audit-actor-picker"
    />
  );
}

export function OutcomeSelect({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  const { t } = useTranslation();
  const data: ComboboxItem[] = OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }));
  if (value && !data.some((o) => o.value === value)) data.push({ value, label: value });
  return (
    <Select
      label={label}
      placeholder={t('audit.anyOutcome')}
      clearable
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function ObjectTypeSelect({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  const { t, i18n } = useTranslation();
  const data = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const types: string[] = [...OBJECT_TYPES];
    if (value && !types.includes(value)) types.push(value);
    return types
      .map((o) => ({ value: o, label: t(`audit.objects.${o}`, { defaultValue: o }) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [t, i18n.language, value]);
  return (
    <Select
      label={label}
      placeholder={t('audit.anyObject')}
      searchable
      clearable
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      filter={matchLabelOrCode}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
