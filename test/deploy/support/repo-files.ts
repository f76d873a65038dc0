import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export function repoPath(...parts: string[]): string {
  return resolve(REPO_ROOT, ...parts);
}

export function readRepoFile(...parts: string[]): string {
  return readFileSync(repoPath(...parts), 'utf8');
}

/** One YAML document; merge keys (`<<: *anchor`) resolved as Docker Compose resolves them. */
export function readYaml<T = unknown>(...parts: string[]): T {
  return parseYaml(readRepoFile(...parts), { merge: true }) as T;
}

/** Every document of a multi-document YAML text, empty documents dropped. */
export function parseYamlDocuments<T = unknown>(text: string): T[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length) throw new Error(`YAML error: ${doc.errors.map((e) => e.message).join('; ')}`);
      return doc.toJS() as T;
    })
    .filter((value) => value !== null && value !== undefined);
}

export function existsInRepo(relativePath: string): boolean {
  return existsSync(repoPath(relativePath));
}
