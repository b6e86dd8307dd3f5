import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@/lib/permissions';

interface Props {
  value?: string[];
  onChange: (roles: string[]) => void;
  error?: React.ReactNode;
}

export function RolesField({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={t('users.fields.roles')} value={value ?? []} onChange={onChange} error={error} withAsterisk>
      <Group gap="md" mt={6}>
        {ROLES.map((r) => (
          <Checkbox key={r} value={r} label={t(`roles.${r}`)} data-testid={`role-${r}`} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
