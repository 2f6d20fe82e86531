// Creates a Prisma migration offline: `npm run db:migration NAME` writes prisma/migrations/<stamp>_<name>/migration.sql
// with the SQL that takes the migration history to prisma/schema.prisma. `--check` writes nothing and fails when
// the schema has changes that no migration holds (CI runs it).
//
// Prisma's native schema engine cannot be downloaded on these machines, so this drives the published WASM build
// of the same engine, with an in-memory PGlite as the shadow database (see docs/stack.md).

import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

const root = path.resolve(import.meta.dirname, '..');
const schemaPath = path.join(root, 'prisma', 'schema.prisma');
const migrationsDir = path.join(root, 'prisma', 'migrations');
const lockfilePath = path.join(migrationsDir, 'migration_lock.toml');

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm');

async function loadSchemaEngine(): Promise<SchemaEngineModule> {
  // The package entry imports the .wasm file as an ES module, which Node 20 cannot load: instantiate it by hand.
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
  (bg as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return bg as unknown as SchemaEngineModule;
}

async function migrationDirectories() {
  if (!existsSync(migrationsDir)) return [];
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
}

export async function diffMigrationsToSchema(): Promise<string> {
  const { SchemaEngine } = await loadSchemaEngine();
  const schema = await readFile(schemaPath, 'utf8');
  const shadowHost = new PGlite('memory://');
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(shadowHost)),
  );
  try {
    const directories = await migrationDirectories();
    const result = await engine.diff({
      from:
        directories.length === 0
          ? { tag: 'empty' }
          : {
              tag: 'migrations',
              baseDir: migrationsDir,
              lockfile: {
                path: 'migration_lock.toml',
                content: existsSync(lockfilePath) ? await readFile(lockfilePath, 'utf8') : null,
              },
              shadowDbInitScript: '',
              migrationDirectories: directories,
            },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? '').trim();
  } finally {
    engine.free();
    await shadowHost.close();
  }
}

function isEmptyDiff(sql: string): boolean {
  return sql === '' || /^-- This is an empty migration\.?$/.test(sql);
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const name = args.find((arg) => !arg.startsWith('--'));
  const sql = await diffMigrationsToSchema();
  if (check) {
    if (isEmptyDiff(sql)) {
      console.log('prisma/schema.prisma and prisma/migrations agree.');
      return;
    }
    console.error('prisma/schema.prisma has changes that no migration holds. Run `npm run db:migration NAME`:\n');
    console.error(sql);
    process.exit(1);
  }
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('usage: npm run db:migration NAME   (NAME in lower case: letters, digits, _)');
    process.exit(2);
  }
  if (isEmptyDiff(sql)) {
    console.log('No changes: the migrations already give prisma/schema.prisma.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), `${sql}\n`);
  if (!existsSync(lockfilePath)) {
    await writeFile(
      lockfilePath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  console.log(`Created ${path.relative(root, dir)}/migration.sql`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
