// GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec) read as they arrive: each
// file part is written to a temporary file while it streams in, and the operation gets a File backed by that file on
// disk. Yoga's own parser holds the whole file in memory before the operation starts.
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import { GraphQLError } from 'graphql';

const PREFIX = 'reclaim-upload-';

/**
 * Removes the temporary files of uploads older than `olderThanMs`: a process killed during a request leaves its
 * own behind. Old enough that no running process is still reading them (several servers may share the directory).
 */
export async function removeAbandonedUploads(olderThanMs = 24 * 3600 * 1000, dir = os.tmpdir()): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((one) => one.startsWith(PREFIX))) {
    const where = path.join(dir, name);
    const info = await stat(where).catch(() => undefined);
    // The files' own time (the disk's clock), not the application's clock, which tests and demos may set.
    if (info && Date.now() - info.mtimeMs > olderThanMs) await rm(where, { recursive: true, force: true });
  }
}

/** The file parts of one request: more is refused rather than spread over as many temporary files. */
export const MAX_UPLOAD_FILES = 10;

export interface UploadLimits {
  /** The largest file part, in bytes. */
  fileBytes: number;
  /** The largest text part (operations, map), in bytes. */
  fieldBytes: number;
  /** The error of a part over its limit: the caller's 413, naming the limit it enforces. */
  tooLarge: () => GraphQLError;
}

export interface ParsedMultipart {
  /** The operations with each mapped file in place, as yoga's own parser gives them. */
  params: unknown;
  /** Removes the temporary files: once the response is sent, the operation has read what it needed. */
  dispose(): Promise<void>;
}

/** A request that is not well formed: 400 with the reason (a multipart form, a batch of operations). */
export function badRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

function jsonField(fields: Map<string, string>, name: string, required: boolean): unknown {
  const text = fields.get(name);
  if (text === undefined) {
    if (required) throw badRequest(`Missing multipart form field "${name}"`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`Multipart form field "${name}" must be a valid JSON string`);
  }
}

/** Puts `value` at a dotted path (`variables.file`, `0.variables.files.1`), as yoga does, never on a prototype. */
function setAtPath(target: Record<string, unknown>, keyPath: string, value: unknown): void {
  const keys = keyPath.split('.');
  let current = target;
  for (const [index, key] of keys.entries()) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
    if (index === keys.length - 1) {
      current[key] = value;
      return;
    }
    const next = current[key];
    if (!Object.hasOwn(current, key) || typeof next !== 'object' || next === null) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
}

/**
 * Reads a multipart body to its end, the files to disk. Its failures are the request's, GraphQLErrors with their HTTP
 * status as yoga expects them: a malformed body is a 400, a part past its limit `limits.tooLarge()`, thrown as soon
 * as the part passes it, without reading the rest (the body's reader is cancelled). Any other error of the body (its
 * own size limit) is thrown as it is.
 */
export async function parseMultipart(
  body: AsyncIterable<Uint8Array>,
  contentType: string,
  limits: UploadLimits,
): Promise<ParsedMultipart> {
  const dir = await mkdtemp(path.join(os.tmpdir(), PREFIX));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const fields = new Map<string, string>();
  const files = new Map<string, { path: string; name: string; type: string }>();
  const writes: Promise<void>[] = [];
  const abort = new AbortController();
  let failure: GraphQLError | undefined;
  const fail = (error: GraphQLError) => {
    failure ??= error;
    abort.abort();
  };
  try {
    const parser = new Busboy({
      headers: { 'content-type': contentType },
      defCharset: 'utf-8',
      limits: { fieldSize: limits.fieldBytes, fileSize: limits.fileBytes, files: MAX_UPLOAD_FILES, fields: 100 },
    });
    parser.on('field', (name: string, value: string, _nameTruncated: boolean, valueTruncated: boolean) => {
      if (valueTruncated) fail(limits.tooLarge());
      else fields.set(name, value);
    });
    parser.on('file', (name: string, stream: BusboyFileStream, fileName: string, _encoding: string, type: string) => {
      const file = { path: path.join(dir, String(files.size)), name: fileName, type };
      files.set(name, file);
      stream.on('limit', () => fail(limits.tooLarge()));
      writes.push(pipeline(stream, createWriteStream(file.path), { signal: abort.signal }));
    });
    parser.on('filesLimit', () => fail(badRequest(`At most ${MAX_UPLOAD_FILES} files per request`)));
    parser.on('fieldsLimit', () => fail(badRequest('Too many multipart form fields')));
    await pipeline(body, parser, { signal: abort.signal });
    await Promise.all(writes);
  } catch (error) {
    // A write's own failure (the disk is full) is not hidden behind the abort it caused.
    const cause = failure ?? error;
    // The body's own error (its size limit) ends the parser but not the file part it was in: stop its write too.
    abort.abort();
    await Promise.allSettled(writes);
    await dispose();
    throw cause;
  }
  try {
    const operations = jsonField(fields, 'operations', true);
    if (typeof operations !== 'object' || operations === null) {
      throw badRequest('Multipart form field "operations" must be a JSON object or array');
    }
    const map = jsonField(fields, 'map', false) as Record<string, unknown> | undefined;
    for (const [part, paths] of Object.entries(map ?? {})) {
      const stored = files.get(part);
      // fs.openAsBlob reads the file when the File is read: nothing of it is held in memory until then.
      const file = stored
        ? new File([await openAsBlob(stored.path, { type: stored.type })], stored.name, { type: stored.type })
        : (fields.get(part) ?? null);
      if (!Array.isArray(paths)) throw badRequest(`Multipart form field "map" must map "${part}" to a list of paths`);
      for (const keyPath of paths) setAtPath(operations as Record<string, unknown>, String(keyPath), file);
    }
    return { params: operations, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
