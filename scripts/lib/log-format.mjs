// Turns the apps' JSON log lines into one readable line each: time, level, [context] msg, key fields.

const LEVEL_COLORS = { debug: 'gray', info: 'green', warn: 'yellow', error: 'red' };
const SHOWN_ELSEWHERE = new Set(['time', 'level', 'app', 'msg', 'context', 'stack']);

function fieldValue(value) {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/** `line` as printed; lines that are not JSON objects pass through unchanged. */
export function formatLogLine(line, paint = (_color, text) => text) {
  let entry;
  try {
    entry = line.startsWith('{') ? JSON.parse(line) : null;
  } catch {
    entry = null;
  }
  if (!entry || typeof entry !== 'object') return line;
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = String(entry.level ?? 'info');
  const parts = [paint('gray', time), paint(LEVEL_COLORS[level] ?? 'gray', level.toUpperCase().padEnd(5))];
  if (entry.context) parts.push(paint('gray', `[${entry.context}]`));
  if (entry.msg !== undefined) parts.push(String(entry.msg));
  for (const [key, value] of Object.entries(entry)) {
    if (SHOWN_ELSEWHERE.has(key) || value === undefined || value === null) continue;
    parts.push(`${paint('gray', key + '=')}${fieldValue(value)}`);
  }
  let text = parts.filter(Boolean).join(' ');
  if (typeof entry.stack === 'string') text += '\n' + paint('gray', entry.stack.replace(/^/gm, '    '));
  return text;
}
