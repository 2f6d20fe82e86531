// PostgreSQL's COPY text format (tab-separated, \N for null, backslash escapes), for Sql.copyFrom.

// Made once: a regular expression literal is a new object each time it is evaluated, and this one is met for every
// text value of every row an import or a recomputation writes.
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeText(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (char) => ESCAPES[char]!) : text;
}

export function copyValue(value: unknown): string {
  if (value === undefined || value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return escapeText(value);
  return String(value);
}

/**
 * The fields of one row in COPY text, tab-separated, without the line end. Joined at once: a field at a time made two
 * strings per field.
 */
export function copyFields(values: readonly unknown[]): string {
  const texts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) texts[i] = copyValue(values[i]);
  return texts.join('\t');
}
