// Compiles src/ to dist/ (one JavaScript module per TypeScript file, the same tree) so that `reclaim` starts without
// a TypeScript loader. esbuild only strips the types, file by file (tsconfig's isolatedModules makes that safe):
// the whole of src/ in well under a second, so install (postinstall), `npm test` and the test setup can always
// build afresh and dist/ is never older than src/. Type checking is `npm run check` (tsc).
import { copyFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

export async function buildDist() {
  const src = path.join(root, 'src');
  const dist = path.join(root, 'dist');
  const files = (await readdir(src, { recursive: true })).map((file) => path.join(src, file));
  await rm(dist, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((file) => file.endsWith('.ts')),
    outdir: dist,
    outbase: src,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    bundle: false,
    logLevel: 'warning',
  });
  // The embedded database's worker thread is plain JavaScript already.
  for (const file of files.filter((file) => file.endsWith('.mjs'))) {
    await copyFile(file, path.join(dist, path.relative(src, file)));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildDist();
