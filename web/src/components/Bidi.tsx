import type { ReactNode } from 'react';

/**
 * Text isolated from what surrounds it (`<bdi>`): its direction comes from its own first letter,
 * so in Arabic a Latin value ("FR-2026-000123", "2.5 kg", a place typed in French) keeps its
 * characters in order and the punctuation next to it stays in place. `ltr` for values without
 * letters that read left to right whatever the language (coordinates, date ranges, addresses).
 * Interpolated values need none of this: i18n isolates them (see `isolate` in lib/format).
 */
export function Bidi({ children, ltr }: { children: ReactNode; ltr?: boolean }) {
  return <bdi dir={ltr ? 'ltr' : undefined}>{children}</bdi>;
}

/**
 * Data shown as it was recorded (a name, a username, a reference, a code, an e-mail address):
 * isolated as `Bidi` does, and marked `translate="no"` for translation tools, and for the
 * end-to-end check that no interface text is left in English (e2e/arabic.spec.ts), which skips it.
 */
export function Data({ children, ltr }: { children: ReactNode; ltr?: boolean }) {
  return (
    <bdi translate="no" dir={ltr ? 'ltr' : undefined}>
      {children}
    </bdi>
  );
}
