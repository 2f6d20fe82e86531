// npm run bench:NAME — runs bench/NAME.ts on the compiled code, as `npm start` and `reclaim` run: src/ is built to
// dist/ (scripts/build.mjs), the benchmark itself is compiled next to its source (bench/NAME.compiled.mjs, its
// imports of ../src/ pointed at ../dist/), and Node runs it without a TypeScript loader. Under tsx the same import
// peaked about 80 MB higher (its loader thread and transform caches): a benchmark measures what ships.
// Node runs it with bin/reclaim.js's settings (its first line: environment and flags), as the product runs.
// Usage: node scripts/bench.mjs NAME [ARGUMENTS…] (the arguments go to the benchmark: npm run bench:live -- --rate 50)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { buildDist } from './build.mjs';

const [name] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/bench.mjs NAME');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');

/** `#!/usr/bin/env -S NAME=VALUE… node FLAG…`: the product's environment and Node flags. */
function productRuntime() {
  const shebang = readFileSync(path.join(root, 'bin', 'reclaim.js'), 'utf8').split('\n')[0] ?? '';
  const words = shebang
    .replace(/^#!\S*env -S /, '')
    .trim()
    .split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((word) => word.split('=', 2)));
  return { env, flags: words.slice(node + 1) };
}
const entry = path.join(root, 'bench', `${name}.ts`);
const compiled = path.join(root, 'bench', `${name}.compiled.mjs`);

await buildDist();
await build({
  entryPoints: [entry],
  outfile: compiled,
  bundle: true,
  // node_modules stay imports; so does src/, compiled already (one copy of each module, as the product loads them).
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'src-is-dist',
      setup(builder) {
        builder.onResolve({ filter: /^\.\.\/src\// }, (args) => ({
          path: args.path.replace(/^\.\.\/src\//, '../dist/'),
          external: true,
        }));
        // Anything else outside bench/ (test/support is TypeScript with paths of its own): such a bench runs with tsx.
        builder.onResolve({ filter: /^\.\.\// }, (args) => ({
          errors: [{ text: `${args.path} is outside bench/ and src/: run this benchmark with tsx` }],
        }));
      },
    },
  ],
});

const runtime = productRuntime();
const child = spawn(process.execPath, [...runtime.flags, compiled, ...process.argv.slice(3)], {
  stdio: 'inherit',
  env: { ...process.env, ...runtime.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
