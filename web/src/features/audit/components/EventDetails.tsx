import { useId, useMemo, useState } from 'react';
import { Alert, Anchor, Button, Code, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnitNames } from '@/api/queries/units';
import type { AuditEvent } from '@/api/types';
import { Data } from '@/components/Bidi';
import { ChangesTable } from '@/components/ChangesTable';
import { formatDateTime } from '@/lib/format';
import { can, type HasPermissions } from '@/lib/permissions';
import type { ChangeRow } from '@/lib/recordHistory';
import { filterLabel } from '../lib/actions';
import { detailLabelKey } from '../lib/labels';
import { describeDetails, isEmptyView, valueLines, type BulkRead, type ValueWords } from '../lib/details';
import { isUuid, objectHref, shortId } from '../lib/objects';

/** Detail keys naming another object by id, and that object's type. */
const ID_KEYS: Readonly<Record<string, string>> = {
  case_id: 'seizure',
  thread_id: 'thread',
  unit_id: 'unit',
  parent_id: 'unit',
  user_id: 'user',
  person_id: 'person',
  company_id: 'company',
  conveyance_id: 'conveyance',
};

/** An RFC 3339 instant (`2026-03-01T08:00:00Z`), shown as a date and time. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Detail keys listing the records a search or list returned (by id): shown as a count. */
const ID_LIST_KEYS = new Set(['returned', 'matches']);

/** Labels in the context of one event. */
interface Context {
  action: string;
  objectType: string | null;
  /** a unit's name by its id, when the reader may list units */
  unitName: (id: string) => string | undefined;
}

function DetailKey({ name, ctx }: { name: string; ctx: Context }) {
  const { t } = useTranslation();
  const key = detailLabelKey(t, name, ctx.action, ctx.objectType);
  return key ? (
    <span title={name}>{t(key)}</span>
  ) : (
    <Text span ff="monospace" fz="xs">
      <Data>{name}</Data>
    </Text>
  );
}

function IdValue({ id, type, me, ctx }: { id: string; type: string | undefined; me: HasPermissions | undefined; ctx: Context }) {
  const { t } = useTranslation();
  const href = type ? objectHref(type, id, me) : null;
  const name = type === 'unit' ? ctx.unitName(id) : undefined;
  const text = name ?? (type ? `${t(`audit.objects.${type}`, { defaultValue: type })} ${shortId(id)}` : shortId(id));
  return href ? (
    <Anchor component={Link} to={href} fz="xs" title={id}>
      <bdi>{text}</bdi>
    </Anchor>
  ) : (
    <Text span fz="xs" ff="monospace" title={id}>
      {text}
    </Text>
  );
}

function FactValue({
  name,
  value,
  words,
  me,
  ctx,
}: {
  name: string;
  value: unknown;
  words: ValueWords;
  me: HasPermissions | undefined;
  ctx: Context;
}) {
  const { t } = useTranslation();
  if (ID_LIST_KEYS.has(name) && Array.isArray(value)) return <>{t('audit.resultCount', { count: value.length })}</>;
  if (name === 'fields' && Array.isArray(value)) {
    return (
      <>
        {value
          .map((f) => {
            // the fields changed are those of the event's object (a case, a register record)
            const key = typeof f === 'string' ? detailLabelKey(t, f, '', ctx.objectType) : undefined;
            return key ? t(key) : String(f);
          })
          .join(t('common.listSeparator'))}
      </>
    );
  }
  if (isUuid(value)) return <IdValue id={value} type={ID_KEYS[name]} me={me} ctx={ctx} />;
  return (
    <>
      {valueLines(value, words, name).map((line, i) => (
        <div key={i}>
          <bdi>{line}</bdi>
        </div>
      ))}
    </>
  );
}

function BulkReadSummary({ alert }: { alert: BulkRead }) {
  const { t } = useTranslation();
  const window =
    alert.windowSecs % 60 === 0 ? t('audit.minutes', { count: alert.windowSecs / 60 }) : t('audit.seconds', { count: alert.windowSecs });
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('audit.bulkRead.title')} data-testid="bulk-read-summary">
      <Stack gap={4}>
        <Text size="sm">
          {t('audit.bulkRead.summary', { records: alert.records, window, threshold: alert.threshold ?? '—' })}
        </Text>
        <Text size="sm">{t('audit.bulkRead.advice')}</Text>
      </Stack>
    </Alert>
  );
}

/**
 * An audit event's details in words: changes as a before → after table, reasons and comments
 * as text, the rest as a key/value table; the raw JSON only behind "technical details".
 */
export function EventDetails({ event, me }: { event: AuditEvent; me: HasPermissions | undefined }) {
  const { t, i18n } = useTranslation();
  const [raw, setRaw] = useState(false);
  const unitName = useUnitNames(can(me, 'units.read'));
  const ctx: Context = {
    action: event.action,
    objectType: event.object_type ?? null,
    unitName: (id) => unitName(id),
  };
  const rawId = useId();
  const view = useMemo(() => describeDetails(event.action, event.details), [event.action, event.details]);
  const words: ValueWords = {
    none: '—',
    yes: t('common.yes'),
    no: t('common.no'),
    code: (field, value) => {
      if (field === 'status' && event.action.startsWith('seizure.')) return t(`caseStatus.${value}`, { defaultValue: value });
      if (field === 'roles') return t(`roles.${value}`, { defaultValue: value });
      if (field === 'outcome') return t(`audit.outcomes.${value}`, { defaultValue: value });
      if (field === 'action') return filterLabel(t, value);
      if (field === 'object_type') return t(`audit.objects.${value}`, { defaultValue: value });
      if (ID_KEYS[field] === 'unit' && isUuid(value)) return ctx.unitName(value);
      if (ISO_INSTANT.test(value)) return formatDateTime(value, i18n.language);
      return undefined;
    },
  };
  const changeRows: ChangeRow[] = view.changes.map((c) => ({
    field: c.field,
    labelKey: detailLabelKey(t, c.field, event.action, event.object_type),
    old: valueLines(c.old, words, c.field),
    new: valueLines(c.new, words, c.field),
  }));

  return (
    <Stack gap="sm" data-testid="audit-details">
      {view.bulkRead && <BulkReadSummary alert={view.bulkRead} />}
      {view.texts.map(({ key, text }) => (
        <div key={key} data-testid={`audit-text-${key}`}>
          <Text size="xs" fw={600}>
            <DetailKey name={key} ctx={ctx} />
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <bdi>{text}</bdi>
          </Text>
        </div>
      ))}
      {changeRows.length > 0 && (
        <div data-testid="audit-changes">
          <Title order={3} size="h6" mb={4}>
            {t('audit.changes')}
          </Title>
          <ChangesTable rows={changeRows} label={t('audit.changes')} />
        </div>
      )}
      {view.facts.length > 0 && (
        <Table withRowBorders={false} fz="xs" layout="fixed" aria-label={t('audit.facts')} data-testid="audit-facts" maw={720}>
          <Table.Tbody>
            {view.facts.map(({ key, value }) => (
              <Table.Tr key={key} data-key={key}>
                <Table.Th scope="row" w="30%" fw={500}>
                  <DetailKey name={key} ctx={ctx} />
                </Table.Th>
                <Table.Td style={{ wordBreak: 'break-word' }}>
                  <FactValue name={key} value={value} words={words} me={me} ctx={ctx} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {isEmptyView(view) && (
        <Text size="sm" c="dimmed">
          {t('audit.noDetails')}
        </Text>
      )}
      <div>
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          aria-expanded={raw}
          aria-controls={rawId}
          leftSection={raw ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
          onClick={() => setRaw((r) => !r)}
        >
          {t('audit.technical')}
        </Button>
        {raw && (
          <Stack gap={4} mt={4} id={rawId} data-testid="audit-technical">
            <Text size="xs" c="dimmed" dir="ltr">
              {[
                `action: ${event.action}`,
                event.object_type ? `object: ${event.object_type} ${event.object_id ?? ''}` : null,
                event.actor_id ? `actor_id: ${event.actor_id}` : null,
                event.request_id ? `request_id: ${event.request_id}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Code block dir="ltr">
              {JSON.stringify(event.details, null, 2)}
            </Code>
          </Stack>
        )}
      </div>
    </Stack>
  );
}
