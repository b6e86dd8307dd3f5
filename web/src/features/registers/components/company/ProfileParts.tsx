import type { ReactNode } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Input, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CompanyRef } from '@/api/types';
import { Data } from '@/components/Bidi';
import { FormError } from '@/components/states';
import '@/i18n/companies';
import { profileRefusal } from '@/features/registers/lib/companyProfile';
import { isDissolved } from '@/features/registers/lib/network';
import { RiskBadge } from '../RiskBadge';

/** A titled part of a tab, with its actions on the right. */
export function Section({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** A company's status in words (the server sends the code as text; one this app does not know is shown as sent). */
export function CompanyStatusText({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return <>—</>;
  return <>{t(`registers.companyStatus.${status}`, { defaultValue: status })}</>;
}

/** Another company: its name (a link to its page), its status when it no longer trades. */
export function CompanyRefLink({ company }: { company: Pick<CompanyRef, 'id' | 'name' | 'status'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor component={Link} to={`/registers/companies/${company.id}`}>
        <Data>{company.name}</Data>
      </Anchor>
      {isDissolved({ kind: 'company', status: company.status }) && (
        <Badge size="xs" variant="outline" color="gray.8" tt="none">
          {t(`registers.companyStatus.${company.status}`, { defaultValue: company.status })}
        </Badge>
      )}
    </Group>
  );
}

/** Another company's risk, as its badge. */
export function RefRisk({ company }: { company: Pick<CompanyRef, 'risk_score' | 'risk_band'> }) {
  return <RiskBadge risk={{ score: company.risk_score, band: company.risk_band }} size="sm" />;
}

/** A remove button of a table row, named after what it removes. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red.9" aria-label={label} title={label} onClick={onClick}>
      <IconTrash size={16} aria-hidden />
    </ActionIcon>
  );
}

/** Asks before something is taken away (a person's link, a relation, a typology, a flag). */
export function ConfirmDialog({
  opened,
  title,
  body,
  confirmLabel,
  loading,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  loading?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text size="sm">{body}</Text>
        <Refusal error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={loading} onClick={onConfirm} data-testid="confirm">
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A dialog's Cancel and submit buttons. */
export function DialogFooter({
  onCancel,
  submitLabel,
  loading,
  disabled,
}: {
  onCancel: () => void;
  submitLabel: string;
  loading?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}

/**
 * A dialog adding to a tab: its form (`testId`) with the fields, then what the server refused
 * that no field shows (`server`: its field errors as `profileErrors` sorts them; a 409 in
 * words, `conflict` when the dialog words it itself), Cancel and submit.
 */
export function FormDialog({
  title,
  testId,
  onClose,
  onSubmit,
  submitLabel,
  pending,
  submitDisabled,
  error,
  server,
  conflict,
  children,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  submitDisabled?: boolean;
  error: unknown;
  server: { fields: Record<string, string>; unplaced: readonly string[] };
  conflict?: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        noValidate
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {children}
          <Refusal
            error={error}
            conflict={conflict === undefined ? profileRefusal(t, error) : conflict}
            unplaced={server.unplaced}
            placed={Object.keys(server.fields).length > 0}
          />
          <DialogFooter onCancel={onClose} submitLabel={submitLabel} loading={pending} disabled={submitDisabled} />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * What a refused change says when no field shows it: the field errors the dialog has no field
 * for (`unplaced`), a known conflict in words, or the error as any error is shown.
 */
export function Refusal({
  error,
  conflict,
  unplaced = [],
  placed = false,
}: {
  error: unknown;
  conflict?: string | null;
  unplaced?: readonly string[];
  /** some field errors are shown at their fields (nothing more to say unless some are `unplaced`) */
  placed?: boolean;
}) {
  if (!error) return null;
  if (placed && unplaced.length === 0) return null;
  if (unplaced.length > 0)
    return (
      <Alert color="red" variant="light" role="alert" data-testid="form-error">
        <Stack gap={2}>
          {unplaced.map((m, i) => (
            <Text size="sm" key={i}>
              {m}
            </Text>
          ))}
        </Stack>
      </Alert>
    );
  if (conflict)
    return (
      <Alert color="red" variant="light" role="alert" data-testid="form-error">
        {conflict}
      </Alert>
    );
  return <FormError error={error} />;
}

/** A record chosen in a dialog's picker: its name, a link to it, and "Change". */
export function Chosen({ label, name, to, onChange, id }: { label: string; name: string; to: string; onChange: () => void; id: string }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={label} withAsterisk>
      <Paper withBorder p="xs" mt={4} id={id} tabIndex={-1} data-testid="picked">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm" fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            <Data>{name}</Data>
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Anchor component={Link} to={to} size="sm" target="_blank">
              {t('companies:picker.open')}
            </Anchor>
            <Button size="xs" variant="default" onClick={onChange}>
              {t('companies:picker.change')}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Input.Wrapper>
  );
}
