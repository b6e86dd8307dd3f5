import { useState } from 'react';
import { Button, Checkbox, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INBOX_KINDS, type ThreadKind } from '../api/types';
import { EMPTY_INBOX_FILTERS, type InboxFilters } from '../lib/inboxFilters';

/** Search box (applied on Enter or "Search"), kind, unread only, overdue warnings (applied at once). */
export function InboxFilterBar({ value, onApply }: { value: InboxFilters; onApply: (f: InboxFilters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q);
  const apply = (patch: Partial<InboxFilters>) => onApply({ ...value, q, ...patch });
  return (
    <form
      role="search"
      aria-label={t('messaging.filters.label')}
      data-testid="inbox-filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply({});
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('messaging.filters.q')}
          description={t('messaging.filters.qHelp')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
        />
        <Select
          label={t('messaging.filters.kind')}
          placeholder={t('messaging.filters.anyKind')}
          clearable
          value={value.kind || null}
          onChange={(k) => apply({ kind: (k ?? '') as ThreadKind | '' })}
          data={INBOX_KINDS.map((k) => ({ value: k, label: t(`messaging.kinds.${k}`) }))}
          comboboxProps={{ withinPortal: true }}
          w={200}
        />
        <Button type="submit">{t('messaging.filters.apply')}</Button>
        <Button
          variant="default"
          onClick={() => {
            setQ('');
            onApply(EMPTY_INBOX_FILTERS);
          }}
        >
          {t('messaging.filters.clear')}
        </Button>
      </Group>
      <Group gap="lg" mt="sm">
        <Checkbox label={t('messaging.filters.unread')} checked={value.unread} onChange={(e) => apply({ unread: e.currentTarget.checked })} />
        <Checkbox label={t('messaging.filters.overdue')} checked={value.overdue} onChange={(e) => apply({ overdue: e.currentTarget.checked })} />
      </Group>
    </form>
  );
}
