import { existsInRepo } from './repo-files';

/**
 * What a `node <script>` command in a deployment file needs from the repository: the script
 * itself, and for compiled code both the TypeScript source and what `npm run build` emits.
 * Returns the problems, empty when the command can run in the image.
 */
export function entryPointProblems(command: readonly string[]): string[] {
  if (command[0] !== 'node') return [`expected a "node <script>" command, got ${JSON.stringify(command)}`];
  const script = command[1];
  if (!script) return [`no script in ${JSON.stringify(command)}`];
  const problems: string[] = [];
  if (script.startsWith('dist/')) {
    const source = script.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    if (!existsInRepo(source)) problems.push(`${script}: its source ${source} does not exist`);
    if (!existsInRepo(script)) {
      problems.push(
        `${script} is not in the build output (run \`npm run build\`; \`npm test\` does it first)`,
      );
    }
  } else if (!existsInRepo(script)) {
    problems.push(`${script} does not exist`);
  }
  return problems;
}

/** Splits a shell-free command string ("node scripts/start-suite.mjs") into its words. */
export function words(command: string): string[] {
  return command.trim().split(/\s+/);
}
