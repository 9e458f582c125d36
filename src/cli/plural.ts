/** "1 event", "3 events": a count with its noun, for the reports commands print. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
