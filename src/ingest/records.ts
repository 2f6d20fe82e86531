// From text to records of fields, with line numbers (the header is line 1).
// Amazon's files are tab-separated and rarely quoted: unquoted files take a fast path that splits on tabs; a file whose
// header is quoted (Seller Central downloads sometimes quote every field) goes through csv-parse, which handles quoted
// tabs, quotes and line breaks inside fields.
import { parse } from 'csv-parse';

export interface TextRecord {
  /** The line the record starts on. */
  line: number;
  fields: string[];
}

async function* splitUnquoted(first: string, rest: AsyncIterator<string>): AsyncGenerator<TextRecord> {
  let buffer = first;
  let line = 0;
  let done = false;
  while (!done) {
    let start = 0;
    for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n', start)) {
      line++;
      const text = buffer.charCodeAt(end - 1) === 13 ? buffer.slice(start, end - 1) : buffer.slice(start, end);
      start = end + 1;
      if (text.length > 0) yield { line, fields: text.split('\t') };
    }
    buffer = buffer.slice(start);
    const next = await rest.next();
    if (next.done) done = true;
    else buffer += next.value;
  }
  const last = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
  if (last.length > 0) yield { line: line + 1, fields: last.split('\t') };
}

async function* splitQuoted(first: string, rest: AsyncIterator<string>): AsyncGenerator<TextRecord> {
  const parser = parse({
    delimiter: '\t',
    quote: '"',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  const feed = (async () => {
    parser.write(first);
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      if (!parser.write(next.value)) await new Promise((resolve) => parser.once('drain', resolve));
    }
    parser.end();
  })();
  feed.catch((error: Error) => parser.destroy(error));
  // csv-parse's info.lines is the line a record ends on, except that it counts a CRLF inside a quoted field as two
  // lines, for that record and every one after it.
  let overcount = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    let breaks = 0;
    for (const field of record) {
      breaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
      overcount += field.match(/\r\n/g)?.length ?? 0;
    }
    yield { line: info.lines - overcount - breaks, fields: record };
  }
  await feed;
}

export async function* readRecords(text: AsyncIterable<string>): AsyncGenerator<TextRecord> {
  const iterator = text[Symbol.asyncIterator]();
  let first = '';
  while (!first.includes('\n')) {
    const next = await iterator.next();
    if (next.done) break;
    first += next.value;
  }
  const headerLine = first.slice(0, first.includes('\n') ? first.indexOf('\n') : undefined);
  yield* headerLine
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('"')
    ? splitQuoted(first, iterator)
    : splitUnquoted(first, iterator);
}
