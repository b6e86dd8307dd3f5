import { useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signIn } from '@/api/auth';
import { isApiError } from '@/api/errors';
import { LoadingState } from '@/components/states';
import { safeNext, useSession } from '@/lib/useSession';
import { LanguagePicker } from '../components/LanguagePicker';

export function SignInPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [expiredNotice] = useState(() => status === 'expired');
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    document.title = `${t('signin.title')} · nCEN`;
  }, [t]);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  if (status === 'authenticated') return <Navigate to={next} replace />;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('signin.missing'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await signIn({ username: username.trim(), password });
    } catch (err) {
      setPassword('');
      if (isApiError(err) && err.status === 401) setError(t('signin.invalid'));
      else if (isApiError(err) && err.status === 429)
        setError(err.retryAfter ? t('signin.throttledFor', { seconds: err.retryAfter }) : t('signin.throttled'));
      else if (isApiError(err) && err.status === 0) setError(t('errors.network'));
      else setError(t('signin.failed'));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Box component="main" bg="gray.1" mih="100vh">
      <Group justify="flex-end" p="sm">
        <LanguagePicker />
      </Group>
      <Center px="md" pb="xl">
        <Paper component="section" withBorder shadow="sm" p="xl" w="100%" maw={420} aria-labelledby="signin-title">
          <Stack gap="md">
            <div>
              <Text fw={700} c="ncen.8" size="xl">
                nCEN
              </Text>
              <Text size="sm" c="dimmed">
                {t('app.subtitle')}
              </Text>
            </div>
            <Title order={1} size="h3" id="signin-title">
              {t('signin.title')}
            </Title>
            {status === 'unknown' ? (
              <LoadingState label={t('signin.checking')} />
            ) : (
              <form onSubmit={(e) => void submit(e)} noValidate>
                <Stack gap="sm">
                  {expiredNotice && !error && (
                    <Alert color="yellow" variant="light" data-testid="session-ended">
                      {t('signin.sessionEnded')}
                    </Alert>
                  )}
                  {error && (
                    <Alert color="red" variant="light" role="alert" ref={errorRef} tabIndex={-1} data-testid="signin-error">
                      {error}
                    </Alert>
                  )}
                  <TextInput
                    label={t('signin.username')}
                    name="username"
                    autoComplete="username"
                    autoCapitalize="none"
                    spellCheck={false}
                    required
                    value={username}
                    onChange={(e) => setUsername(e.currentTarget.value)}
                    data-autofocus
                    autoFocus
                  />
                  <PasswordInput
                    label={t('signin.password')}
                    name="password"
                    autoComplete="current-password"
                    required
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                  />
                  <Button type="submit" loading={submitting} fullWidth mt="xs">
                    {t('signin.submit')}
                  </Button>
                </Stack>
              </form>
            )}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
