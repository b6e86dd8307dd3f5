import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { directionOf } from '@/i18n';
import { cssVariablesResolver, themeWithLabels } from './theme';
import { createQueryClient } from './queryClient';
import { SessionGate } from './SessionGate';

function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(directionOf(i18n.language));
  }, [i18n.language, setDirection]);
  return null;
}

export function Providers({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => themeWithLabels(t('common.close')), [t]);
  return (
    <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
      <DirectionSync />
      <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
        <Notifications position="top-right" />
        <QueryClientProvider client={client}>
          <SessionGate>{children}</SessionGate>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
