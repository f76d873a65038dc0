/** A LIKE pattern matching values that start with `text` literally (its %, _ and \ escaped). */
export function likePrefix(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}
