/** A SQL identifier, quoted, for the few statements that cannot take it as a parameter (CREATE DATABASE). */
export function quoteIdentifier(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}
