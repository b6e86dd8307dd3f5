import { Button } from '@mantine/core';
import { IconFolderSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/api/queries/me';
import { openInvestigationPath, type InvestigationOrigin } from '@/lib/openInvestigation';
import { can } from '@/lib/permissions';

/** "Open an investigation" from a case, a record or a hit, for those who may open one. */
export function OpenInvestigationButton(origin: InvestigationOrigin) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!can(me, 'investigations.open')) return null;
  return (
    <Button
      component={Link}
      to={openInvestigationPath(origin)}
      variant="default"
      leftSection={<IconFolderSearch size={16} aria-hidden />}
      data-testid="open-investigation"
    >
      {t('common.openInvestigation')}
    </Button>
  );
}
