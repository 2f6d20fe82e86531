// How files on this machine's disk are read: the CLI's files, the local copies of stored files, archives' entries.
import { createReadStream } from 'node:fs';

/**
 * A file is read this much at a time. Each read is a buffer of its own, and glibc gives a block of 128 kB or more
 * back to the system when it is freed (bin/reclaim.js's MALLOC_MMAP_THRESHOLD_), to be faulted in again by the next
 * read, a page at a time: about 9 µs a page on this machine kind. A 155 MB ledger read in 1 MB chunks faulted in
 * all its 155 MB twice (the CLI's read, the local copy's), about 0.7 s of an import; smaller reads reuse malloc's
 * memory.
 */
const FILE_CHUNK_BYTES = 1 << 16;

export function readFileChunks(path: string): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES });
}
