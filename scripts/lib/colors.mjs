// ANSI colours, only for a terminal that wants them (NO_COLOR / FORCE_COLOR respected).
const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1 };

export function colorizer(stream = process.stdout) {
  const enabled = process.env.FORCE_COLOR
    ? process.env.FORCE_COLOR !== '0'
    : Boolean(stream.isTTY) && !process.env.NO_COLOR;
  return (color, text) => (enabled ? `\u001b[${CODES[color]}m${text}\u001b[0m` : String(text));
}
