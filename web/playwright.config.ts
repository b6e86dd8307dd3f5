import { defineConfig } from '@playwright/test';

/**
 * Browser tests against a real nCEN server (no mocks). The server is started
 * by the caller (Makefile / CI) on a throwaway database:
 *   E2E_BASE_URL        default http://127.0.0.1:8080
 *   E2E_ADMIN_PASSWORD  password of the `admin` account
 *   E2E_CHROMIUM        default /usr/bin/chromium (system Chromium; no browser download)
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts$/,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: './e2e/.artifacts',
  reporter: [['list'], ['./e2e/summary-reporter.ts']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080',
    locale: 'en-GB',
    timezoneId: 'UTC',
    // transitions off (the theme respects it): axe never samples a tooltip or a modal half faded in
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 860 },
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
