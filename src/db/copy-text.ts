// PostgreSQL's COPY text format (tab-separated, \N for null, backslash escapes), for Sql.copyFrom.

function escapeText(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char]!)
    : text;
}

export function copyValue(value: unknown): string {
  if (value === undefined || value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return escapeText(value);
  return String(value);
}

/** The fields of one row in COPY text, tab-separated, without the line end. */
export function copyFields(values: readonly unknown[]): string {
  let text = copyValue(values[0]);
  for (let i = 1; i < values.length; i++) text += `\t${copyValue(values[i])}`;
  return text;
}
