import { createTheme, mergeThemeOverrides, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'ncen',
  colors: {
    ncen: [
      '#e8f0fb', '#cfdcf1', '#9db7e3', '#6890d5', '#3f6fc9', '#2a5ab9',
      '#1f4d9f', '#173f85', '#12336d', '#0b2553',
    ],
  },
  // shade 9 keeps filled and outline variants of every colour at WCAG AA contrast
  primaryShade: { light: 9, dark: 8 },
  defaultRadius: 'sm',
  autoContrast: true,
  // no fades or slides for users who ask their system for reduced motion
  respectReducedMotion: true,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif',
});

/** Accessible names for icon-only buttons that Mantine renders inside its own components. */
export function themeWithLabels(closeLabel: string) {
  return mergeThemeOverrides(
    theme,
    createTheme({
      // plain objects rather than Modal.extend(): importing the components here would put them in the entry chunk
      components: {
        Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
        Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
        Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
        // light alerts colour their title with shade 9 on shade 0/1, under 4.5:1 for green: use the text colour
        Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
        // badges hold short labels (statuses, roles, kinds): never cut them short, in a table
        // cell or a wrapping group (a badge would otherwise shrink and hide part of its label)
        Badge: {
          styles: {
            root: { flexShrink: 0, minWidth: 'max-content', overflow: 'visible' },
            label: { overflow: 'visible', textOverflow: 'clip' },
          },
        },
      },
    }),
  );
}

/** WCAG AA contrast: Mantine's default "dimmed" (gray 6) is too light on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // field errors (and an invalid input's text) in red 6 are under 4.5:1 on white
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
