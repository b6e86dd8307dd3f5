/** Moves the option whose value is `first` (e.g. the national currency) to the top; the rest keep their order. */
export function putFirst<O extends { value: string }>(options: readonly O[], first: string | null | undefined): O[] {
  const i = first ? options.findIndex((o) => o.value === first) : -1;
  if (i <= 0) return [...options];
  return [options[i] as O, ...options.slice(0, i), ...options.slice(i + 1)];
}
