import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HomeBlock } from '@/components/HomeBlock';
import { useNewHitCount } from '../api/alerts';

/** Home page, for whoever reviews hits (`alerts.write`): how many hits of the unit's alerts await review. */
export function HomeHitsBlock() {
  const { t } = useTranslation();
  const hits = useNewHitCount();
  const count = hits.data?.count ?? 0;
  const text = hits.isPending
    ? t('common.loading')
    : hits.isError
      ? t('errors.unexpected')
      : hits.data?.more
        ? t('alerts.home.more', { count })
        : count > 0
          ? t('alerts.home.count', { count })
          : t('alerts.home.none');
  return (
    <HomeBlock
      id="hits"
      title={t('alerts.home.title')}
      help={t('alerts.home.help')}
      actions={
        <Button component={Link} to="/alerts/hits" variant="default" size="sm">
          {t('alerts.home.open')}
        </Button>
      }
    >
      <Text size="sm" data-testid="home-hits" data-count={hits.isSuccess ? count : undefined}>
        {text}
      </Text>
    </HomeBlock>
  );
}
