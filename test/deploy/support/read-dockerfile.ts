import { DockerfileParser } from 'dockerfile-ast';

export interface DockerInstruction {
  keyword: string;
  /** The arguments as written (line continuations joined). */
  text: string;
  /** The arguments, one word each, flags left out. */
  args: string[];
  flags: Record<string, string | null>;
  line: number;
}

export interface DockerStage {
  name: string | undefined;
  /** The base image with global ARG defaults substituted, or the name of an earlier stage. */
  from: string;
  instructions: DockerInstruction[];
}

/** The Dockerfile as stages of instructions, global ARGs (before the first FROM) substituted. */
export function readDockerfile(content: string): DockerStage[] {
  const globalArgs = new Map<string, string>();
  const stages: DockerStage[] = [];
  for (const instruction of DockerfileParser.parse(content).getInstructions()) {
    const keyword = instruction.getKeyword();
    const text = instruction.getArgumentsContent() ?? '';
    const entry: DockerInstruction = {
      keyword,
      text,
      args: instruction.getArguments().map((a) => a.getValue()),
      flags: Object.fromEntries(
        ('getFlags' in instruction ? (instruction as unknown as FlagHolder).getFlags() : []).map((f) => [
          f.getName(),
          f.getValue(),
        ]),
      ),
      line: instruction.getRange().start.line + 1,
    };
    if (keyword === 'ARG' && stages.length === 0) {
      const [name, value = ''] = text.split('=');
      globalArgs.set(name.trim(), value.trim());
    } else if (keyword === 'FROM') {
      const [image, as, name] = entry.args;
      const from = image.replace(/\$\{?([A-Za-z0-9_]+)\}?/g, (_, arg: string) => globalArgs.get(arg) ?? '');
      stages.push({ name: as?.toUpperCase() === 'AS' ? name : undefined, from, instructions: [] });
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push(entry);
    }
  }
  return stages;
}

interface FlagHolder {
  getFlags(): { getName(): string; getValue(): string | null }[];
}

/** An instruction written in exec (JSON array) form, parsed; null when it uses the shell form. */
export function execForm(text: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((word) => typeof word === 'string') ? parsed : null;
  } catch {
    return null;
  }
}
