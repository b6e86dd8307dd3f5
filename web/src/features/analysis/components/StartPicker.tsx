import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RecordSearch } from '@/components/RecordSearch';
import '@/i18n/analysis';
import { useRecordMatches, type Match, type StartKind } from '../api/analysis';
import { documentNode } from '../lib/graph';

type PickKind = StartKind | 'document';
const KINDS: PickKind[] = ['person', 'company', 'conveyance', 'case', 'document'];

// one search hook per kind (RecordSearch calls the one it is given; it is remounted on a change)
const usePersons = (q: string) => useRecordMatches('person', q);
const useCompanies = (q: string) => useRecordMatches('company', q);
const useConveyances = (q: string) => useRecordMatches('conveyance', q);
const useCases = (q: string) => useRecordMatches('case', q);
const MATCHERS: Record<StartKind, (q: string) => { data?: Match[]; isFetching: boolean }> = {
  person: usePersons,
  company: useCompanies,
  conveyance: useConveyances,
  case: useCases,
};

/**
 * A node to start from (or to find a chain to): a person, company or conveyance found in the
 * registers, a case found by reference or words, or a document number typed as it is written
 * (the server matches any spelling).
 */
export function StartPicker({ onPick, idPrefix, submitLabel }: { onPick: (m: Match) => void; idPrefix: string; submitLabel: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PickKind>('person');
  const [number, setNumber] = useState('');
  const pickDocument = () => {
    const id = documentNode(number);
    if (id) onPick({ id, label: number.trim() });
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        id={`${idPrefix}-kind`}
        label={t('analysis:start.kind')}
        data={KINDS.map((k) => ({ value: k, label: t(`analysis:start.kinds.${k}`) }))}
        value={kind}
        allowDeselect={false}
        onChange={(v) => v && setKind(v as PickKind)}
        w={190}
        comboboxProps={{ withinPortal: true }}
      />
      {kind === 'document' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            pickDocument();
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              id={`${idPrefix}-document`}
              label={t('analysis:start.document')}
              description={t('analysis:start.documentHelp')}
              value={number}
              onChange={(e) => setNumber(e.currentTarget.value)}
              maxLength={200}
              w={260}
            />
            <Button type="submit" variant="default" disabled={!number.trim()} rightSection={<IconArrowRight size={16} aria-hidden />}>
              {submitLabel}
            </Button>
          </Group>
        </form>
      ) : (
        <div style={{ minWidth: 280, flex: 1, maxWidth: 460 }}>
          <RecordSearch key={kind} id={`${idPrefix}-search`} label={t(`analysis:start.find.${kind}`)} useMatches={MATCHERS[kind]} onPick={onPick} />
        </div>
      )}
    </Group>
  );
}
