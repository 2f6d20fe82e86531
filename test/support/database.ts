// A fresh, migrated database for a test file: an in-memory PGlite cloned from a migrated template (made once per
// run by global-setup.ts), or, with TEST_DATABASE_URL, a schema of its own on that PostgreSQL server.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type Database, openEmbedded, openPostgres } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { TEMPLATE_PATH } from './template.js';

export interface TestDatabase {
  db: Database;
  /** The DATABASE_URL a child process (the CLI, a second server) would use to reach the same database. */
  url?: string;
  close(): Promise<void>;
}

export async function openTestDatabase(server = process.env.TEST_DATABASE_URL): Promise<TestDatabase> {
  if (server) {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const url = `${server}${server.includes('?') ? '&' : '?'}schema=${schema}`;
    const db = await openPostgres(url, { poolSize: 4 });
    await migrate(db, schema);
    return {
      db,
      url,
      async close() {
        await db.sql.execute(`DROP SCHEMA "${schema}" CASCADE`);
        await db.close();
      },
    };
  }
  const db = await openEmbedded('memory://', { template: await readFile(TEMPLATE_PATH) });
  return { db, close: () => db.close() };
}
