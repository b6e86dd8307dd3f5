import { Anchor, Badge, Group } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SearchTarget } from '@/lib/registerSearch';
import type { SavedSearch } from '../api/searches';

/** Never cut short, as CaseStatusBadge. */
const NO_TRUNCATE = {
  root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

/** Shared and paused, as badges (an active search of one's own has none); outline text dark enough for 4.5:1. */
export function SearchBadges({ search }: { search: SavedSearch }) {
  const { t } = useTranslation();
  if (search.active && !search.shared) return null;
  return (
    <Group gap={4} data-testid="search-state">
      {!search.active && (
        <Badge size="sm" color="#8f3a00" variant="outline" tt="none" styles={NO_TRUNCATE} data-state="paused">
          {t('searches:badges.paused')}
        </Badge>
      )}
      {search.shared && (
        <Badge size="sm" color="ncen" variant="outline" tt="none" styles={NO_TRUNCATE} data-state="shared">
          {t('searches:badges.shared')}
        </Badge>
      )}
    </Group>
  );
}

/** The guide's page on saved searches, in a new tab. */
export function GuideLink() {
  const { t, i18n } = useTranslation();
  return (
    <Anchor href={`/help/${i18n.language === 'fr' ? 'fr' : 'en'}/searches.html`} target="_blank" rel="noopener" size="sm">
      <Group gap={4} component="span">
        {t('searches:help')}
        <IconExternalLink size={14} aria-hidden />
      </Group>
    </Anchor>
  );
}

/** What a saved search searches, in words: seizure cases, or one of the registers. */
export function SearchTargetLabel({ target }: { target: SearchTarget }) {
  const { t } = useTranslation();
  return <span data-target={target}>{t(`searches:target.${target}`)}</span>;
}
