// How files on this machine's disk are read: the CLI's files and a spooled upload (to be stored), the local copies of
// stored files (to be read row by row).
import { createReadStream } from 'node:fs';

/**
 * A file being read row by row is read this much at a time. Each read is a buffer of its own, and glibc gives a block
 * of 128 kB or more back to the system when it is freed (bin/reclaim.js's MALLOC_MMAP_THRESHOLD_), to be faulted in
 * again by the next read, a page at a time: about 9 µs a page on this machine kind. Smaller reads reuse malloc's
 * memory, and the reading makes enough garbage for V8 to free them soon.
 */
const READ_CHUNK_BYTES = 1 << 16;

/**
 * A file being stored is read this much at a time: a chunk is a block of the stored file as it is (stored-file.ts).
 * Storing makes little garbage, so V8 collects seldom, and 64 KiB buffers freed only then grew malloc's heap for good
 * (the peak RSS of a 1M-row import 193–195 MB with 1 MB chunks, 201–218 MB with 64 KiB); blocks this large go back to
 * the system when they are collected.
 */
const STORE_CHUNK_BYTES = 1 << 20;

export function readFileChunks(path: string): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
}

export function readFileToStore(path: string): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: STORE_CHUNK_BYTES });
}
