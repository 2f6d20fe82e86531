// Runs once before the test files: migrates an empty embedded database and keeps it as the template each test file
// clones (a new PGlite data directory takes seconds to create; a clone of this one takes one).
import { writeFile } from 'node:fs/promises';
// @ts-expect-error: plain JavaScript, run by node at install time
import { buildDist } from '../../scripts/build.mjs';
import { openEmbedded } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { TEMPLATE_PATH } from './template.js';

export default async function setup(): Promise<void> {
  // The tests run `reclaim` as sellers do, compiled: built afresh (under a second), so never older than src/.
  await buildDist();
  const db = await openEmbedded('memory://');
  await migrate(db);
  await writeFile(TEMPLATE_PATH, await db.dumpDataDir());
  await db.close();
}
