#!/usr/bin/env -S MALLOC_MMAP_THRESHOLD_=131072 node --liftoff-only --heap-growing-percent=50
// Runs the compiled command (dist/, built from src/ at install time by `npm ci`, or `npm run build`).
// The first line is how the product runs (npm start runs this file; the benchmarks read that line and run alike), for
// memory (docs/performance.md, "Memory settings"): the embedded database's WebAssembly on V8's baseline compiler
// alone; the JavaScript heap collected when it has grown by half its live size rather than V8's up to 4x; and
// glibc's malloc giving blocks over 128 KB back to the system when freed instead of keeping them once it has seen one.
try {
  await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.js')) throw error;
  process.stderr.write('reclaim: dist/ is missing: run `npm run build` (npm ci does it) first\n');
  process.exit(2);
}
