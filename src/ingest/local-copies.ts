// The bytes of a file just stored for an import, kept for a while as a plain file on this machine's disk as well.
// The process that stores an import almost always reads it right after (the inline job, a sync's step): from this
// copy it reads the bytes as they came, instead of fetching the compressed blocks back from the database and
// inflating them (docs/performance.md, "Where a 1M-row ledger import goes (bench:ingest, profiled)"). Any other
// process, or this one after a restart, reads the stored blocks as before: the copy is only ever a shortcut to the
// same bytes, checked by their SHA-256.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { processIsAlive } from '../db/lock.js';
import { readFileChunks } from './file-chunks.js';

/** The copies of one process take at most this much disk: the oldest make room for a new one. */
const MAX_KEPT_BYTES = 2 ** 30;
/**
 * A copy not read by then is dropped: its import was queued for another process (PostgreSQL with several servers),
 * or refused before it was read.
 */
const MAX_KEPT_MS = 15 * 60 * 1000;

interface KeptCopy {
  path: string;
  bytes: number;
  sha256: string;
  keptAt: number;
  /** The map it is kept in, and its key there. */
  owner: Map<number, KeptCopy>;
  importId: number;
}

/** Per database (tests open several in one process, each numbering its imports from 1), per import. */
const keptBy = new WeakMap<object, Map<number, KeptCopy>>();
/** Every kept copy, oldest first. */
const keptInOrder = new Set<KeptCopy>();
let keptBytes = 0;
let directory: string | undefined;

const PREFIX = 'reclaim-files-';

/** The directory of this process's copies, made on first use; those of processes that died are removed then. */
function copiesDirectory(): string {
  if (!directory) {
    for (const name of readdirSync(os.tmpdir())) {
      const pid = Number(/^reclaim-files-(\d+)-/.exec(name)?.[1]);
      if (!pid || processIsAlive(pid)) continue;
      try {
        rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
      } catch {
        // Another user's, or being removed meanwhile: not ours to insist on.
      }
    }
    directory = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
    const made = directory;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return directory;
}

/** Forgets a copy: no longer found, counted, nor removed to make room. */
function forget(copy: KeptCopy): void {
  if (copy.owner.get(copy.importId) === copy) copy.owner.delete(copy.importId);
  if (keptInOrder.delete(copy)) keptBytes -= copy.bytes;
}

/** Forgets a copy and deletes its file. */
function remove(copy: KeptCopy): void {
  forget(copy);
  rm(copy.path, { force: true }).catch(() => {});
}

/**
 * A copy being written while the file is stored. Writing it never fails the import: a copy that could not be
 * written is dropped, and the import reads its stored blocks.
 */
export class LocalCopyWriter {
  private handle: Promise<FileHandle | undefined>;
  /** The write in progress: one at a time, so that at most one chunk waits for the disk. */
  private writing: Promise<unknown> = Promise.resolve();
  private failed = false;
  private bytes = 0;
  private readonly path: string;

  constructor() {
    let directory: string | undefined;
    try {
      directory = copiesDirectory();
    } catch {
      // No temporary directory to write in: no copy.
    }
    this.path = path.join(directory ?? '', `${Date.now()}-${Math.random().toString(36).slice(2)}`);
    this.handle = directory
      ? open(this.path, 'w').catch(() => {
          this.failed = true;
          return undefined;
        })
      : Promise.resolve(undefined);
    if (!directory) this.failed = true;
  }

  async write(chunk: Uint8Array): Promise<void> {
    this.bytes += chunk.byteLength;
    if (this.failed || this.bytes > MAX_KEPT_BYTES) {
      this.failed = true;
      return;
    }
    await this.writing;
    this.writing = this.handle.then((handle) =>
      handle?.write(chunk).then(
        // A short write (a full disk) leaves the copy short: it is not kept.
        ({ bytesWritten }) => {
          if (bytesWritten !== chunk.byteLength) this.failed = true;
        },
        () => {
          this.failed = true;
        },
      ),
    );
  }

  /** Keeps the copy for the import of `db` (when it was written whole), or drops it. */
  async keep(db: object, importId: number, sha256: string): Promise<void> {
    await this.writing;
    const handle = await this.handle;
    await handle?.close().catch(() => {
      this.failed = true;
    });
    if (this.failed || !handle) {
      if (handle) await rm(this.path, { force: true }).catch(() => {});
      return;
    }
    let owner = keptBy.get(db);
    if (!owner) {
      owner = new Map();
      keptBy.set(db, owner);
    }
    const replaced = owner.get(importId);
    if (replaced) remove(replaced);
    const now = Date.now();
    const copy: KeptCopy = { path: this.path, bytes: this.bytes, sha256, keptAt: now, owner, importId };
    owner.set(importId, copy);
    keptInOrder.add(copy);
    keptBytes += copy.bytes;
    for (const old of keptInOrder) {
      if (old === copy || (keptBytes <= MAX_KEPT_BYTES && now - old.keptAt < MAX_KEPT_MS)) break;
      remove(old);
    }
  }

  async discard(): Promise<void> {
    await this.writing;
    const handle = await this.handle;
    await handle?.close().catch(() => {});
    if (handle) await rm(this.path, { force: true }).catch(() => {});
  }
}

/** A local copy taken for reading: no one else removes it, and the reader releases it when the import is read. */
export interface TakenCopy {
  readonly path: string;
  open(): AsyncIterable<Uint8Array>;
  release(): void;
}

/** Takes the local copy of an import's file, if this process kept one of the same content. */
export function takeLocalCopy(db: object, importId: number, sha256: string | null): TakenCopy | undefined {
  const copy = keptBy.get(db)?.get(importId);
  if (!copy) return undefined;
  // Taken: the reader releases it.
  forget(copy);
  if (copy.sha256 !== sha256) {
    remove(copy);
    return undefined;
  }
  return {
    path: copy.path,
    open: () => readFileChunks(copy.path),
    release: () => remove(copy),
  };
}

/** The import's file is gone (deleted, or its import refused before it was read): so is its copy. */
export function dropLocalCopy(db: object, importId: number): void {
  const copy = keptBy.get(db)?.get(importId);
  if (copy) remove(copy);
}
