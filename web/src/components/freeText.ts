/**
 * For an input or text area of free text (a message, a reason): each paragraph typed takes its
 * direction from its first letter, as `dir="auto"` would (Mantine puts `dir` on the wrapper, not
 * on the field). Spread on the field: `<Textarea {...FREE_TEXT} />`.
 */
export const FREE_TEXT = { styles: { input: { unicodeBidi: 'plaintext' } } } as const;
