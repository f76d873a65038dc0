import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { round } from '../support/latency-summary';

/** Where one app's CPU time went, from the `.cpuprofile` that `node --cpu-prof` wrote at exit. */
export interface ProfileSummary {
  app: string;
  file: string;
  /** CPU time sampled outside `(idle)`, in ms. */
  busyMs: number;
  /** Self time by function (name and file:line), the largest first. */
  functions: { name: string; location: string; selfMs: number; percent: number }[];
  /** Self time by where the code comes from: a package, node's internals, our dist/, V8 itself. */
  categories: { category: string; selfMs: number; percent: number }[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Summarises every `.cpuprofile` in `dir`; `appOfPid` names each file's process (node writes
 * `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`).
 */
export function summariseCpuProfiles(dir: string, appOfPid: Map<number, string>, top = 15): ProfileSummary[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  return files.map((file) => {
    const pid = Number(file.split('.')[3]);
    return summariseCpuProfile(join(dir, file), appOfPid.get(pid) ?? `pid ${pid}`, top);
  });
}

export function summariseCpuProfile(path: string, app: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, n) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[n] ?? 0)));

  const functions = new Map<string, { name: string; location: string; selfUs: number }>();
  const categories = new Map<string, number>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') continue;
    busyUs += us;
    const name = frame.functionName || '(anonymous)';
    const location = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${name} ${location}`;
    const entry = functions.get(key) ?? { name, location, selfUs: 0 };
    entry.selfUs += us;
    functions.set(key, entry);
    const category = categoryOf(frame.functionName, frame.url);
    categories.set(category, (categories.get(category) ?? 0) + us);
  }
  const percent = (us: number) => (busyUs ? round((100 * us) / busyUs, 1) : 0);
  return {
    app,
    file: basename(path),
    busyMs: round(busyUs / 1000, 0),
    functions: [...functions.values()]
      .sort((a, b) => b.selfUs - a.selfUs)
      .slice(0, top)
      .map((f) => ({
        name: f.name,
        location: f.location,
        selfMs: round(f.selfUs / 1000, 0),
        percent: percent(f.selfUs),
      })),
    categories: [...categories.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([category, us]) => ({ category, selfMs: round(us / 1000, 0), percent: percent(us) })),
  };
}

function categoryOf(functionName: string, url: string): string {
  if (functionName.startsWith('(')) return functionName; // (program), (garbage collector)
  if (!url) return 'V8 builtins / native';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const dist = /\/dist\/(apps|libs)\/([^/]+)\//.exec(url);
  if (dist) return `karmabot ${dist[1]}/${dist[2]}`;
  return 'other';
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) return url.slice(modules + '/node_modules/'.length);
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\//, '');
}

/** The summaries as Markdown: the categories and the top functions of each app. */
export function renderProfileSummaries(summaries: ProfileSummary[]): string {
  const lines: string[] = [];
  for (const summary of summaries.sort((a, b) => a.app.localeCompare(b.app))) {
    lines.push(`### ${summary.app} (${summary.busyMs} ms busy, ${summary.file})`, '');
    lines.push('| where | self ms | % of busy |', '|---|---:|---:|');
    for (const c of summary.categories.slice(0, 12))
      lines.push(`| ${c.category} | ${c.selfMs} | ${c.percent} |`);
    lines.push('', '| function | location | self ms | % |', '|---|---|---:|---:|');
    for (const f of summary.functions) {
      lines.push(`| \`${f.name}\` | ${f.location.replace(/\|/g, '\\|')} | ${f.selfMs} | ${f.percent} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
