// ZIP files: an .xlsx workbook is one, and sellers zip several reports together. Both are only known whole (a ZIP's
// directory of files is at its end), so an uploaded ZIP is first spooled to a temporary file, then read with yauzl:
// the workbook's header, or each file of the archive, one stream at a time.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { readFileToStore } from './file-chunks.js';
import { decompressedAllowance, decompressionLimit } from './limits.js';
import { failureOf, ReadFailed, type ReadFailure, readFailure } from './read-failure.js';
import { countedUpTo } from './stored-file.js';

/** The first bytes of every ZIP file (an empty archive starts with its end record). */
export function isZip(head: Uint8Array): boolean {
  return (
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 0x03 || head[2] === 0x05) &&
    (head[3] === 0x04 || head[3] === 0x06)
  );
}

/** A ZIP file (or one of its files) that cannot be read. */
export function damagedArchive(message: string): ReadFailed {
  return new ReadFailed(readFailure('DAMAGED_ARCHIVE', message));
}

export interface SpooledFile {
  path: string;
  bytes: number;
  /** The file again, from its start. */
  read(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

/**
 * Writes a stream to a temporary file, or returns FILE_TOO_LARGE past `maxBytes` (and keeps nothing). A failure of
 * `source` itself is thrown as it is.
 */
export async function spool(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<({ ok: true } & SpooledFile) | ReadFailure> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reclaim-upload-'));
  const file = path.join(dir, 'upload.zip');
  let bytes = 0;
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(
      countedUpTo(source, maxBytes, (_chunk, total) => {
        bytes = total;
      }),
      createWriteStream(file),
    );
  } catch (error) {
    await remove();
    const tooLarge = failureOf(error, 'FILE_TOO_LARGE');
    if (tooLarge) return tooLarge;
    throw error;
  }
  return {
    ok: true,
    path: file,
    bytes,
    read: () => readFileToStore(file),
    remove,
  };
}

export interface ArchiveEntry {
  /** The path of the file inside the archive. */
  name: string;
  bytes: number;
  open(): Promise<Readable>;
}

/** Files an operating system adds to the archives it makes: not the seller's. */
function isSystemFile(name: string): boolean {
  const base = name.split('/').pop() ?? '';
  return name.startsWith('__MACOSX/') || base === '.DS_Store' || base === 'Thumbs.db' || base === 'desktop.ini';
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true }, (error, zip) =>
      error ? reject(damagedArchive(`the ZIP file is damaged (${error.message})`)) : resolve(zip),
    ),
  );
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => settle(() => resolve(entry));
    const onEnd = () => settle(() => resolve(undefined));
    const onError = (error: Error) =>
      settle(() => reject(damagedArchive(`the ZIP file is damaged (${error.message})`)));
    function settle(then: () => void) {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      then();
    }
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/**
 * The files of a ZIP file, in the order of its directory: folders and system files left out. Fails with a ReadFailed,
 * DAMAGED_ARCHIVE, like the streams of its files' `open`.
 */
export async function* archiveEntries(file: string): AsyncGenerator<ArchiveEntry> {
  const zip = await openZip(file);
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (entry.fileName.endsWith('/') || isSystemFile(entry.fileName)) continue;
      const current = entry;
      yield {
        name: current.fileName,
        bytes: current.uncompressedSize,
        open: () =>
          new Promise((resolve, reject) =>
            zip.openReadStream(current, (error, stream) =>
              error
                ? reject(damagedArchive(`${current.fileName} cannot be read from the ZIP file (${error.message})`))
                : resolve(stream),
            ),
          ),
      };
    }
  } finally {
    zip.close();
  }
}

/**
 * The names of a ZIP file's files, or DAMAGED_ARCHIVE, or DECOMPRESSION_LIMIT when the sizes its directory declares
 * add up to more than DECOMPRESSION allows for the archive's size; yauzl checks each file against its declared size
 * as it reads it (and `verify` reads them all, for a workbook, which exceljs unzips on its own).
 */
export async function archiveNames(
  file: SpooledFile,
  options: { verify?: boolean } = {},
): Promise<{ ok: true; names: string[] } | ReadFailure> {
  const names: string[] = [];
  try {
    const zip = await openZip(file.path);
    const allowance = decompressedAllowance(file.bytes);
    let declared = 0;
    try {
      for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
        names.push(entry.fileName);
        declared += entry.uncompressedSize;
        if (declared > allowance) return decompressionLimit('the ZIP file', file.bytes);
      }
    } finally {
      zip.close();
    }
    if (options.verify) await readWhole(file.path);
  } catch (error) {
    const damaged = failureOf(error, 'DAMAGED_ARCHIVE');
    if (damaged) return damaged;
    throw error;
  }
  return { ok: true, names };
}

/** Reads every file of a ZIP file to its end: yauzl fails on any whose size is not the declared one. */
async function readWhole(file: string): Promise<void> {
  for await (const entry of archiveEntries(file)) {
    const stream = await entry.open();
    try {
      for await (const _chunk of stream) {
        // Only the reading counts.
      }
    } catch (error) {
      throw damagedArchive(`${entry.name} cannot be read from the ZIP file (${(error as Error).message})`);
    }
  }
}

/** What a ZIP file is, from the files it holds. */
export function zipKind(names: readonly string[]): 'workbook' | 'opendocument' | 'archive' {
  if (names.includes('xl/workbook.xml')) return 'workbook';
  if (names.includes('content.xml') && names.includes('META-INF/manifest.xml')) return 'opendocument';
  return 'archive';
}
