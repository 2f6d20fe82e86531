import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// One template per checkout: two checkouts (or worktrees) testing at once may hold different migrations.
const checkout = createHash('sha256')
  .update(fileURLToPath(new URL('../..', import.meta.url)))
  .digest('hex')
  .slice(0, 12);

/** The migrated, empty embedded database every test file starts from (a gzipped tarball of its data directory). */
export const TEMPLATE_PATH = path.join(
  os.tmpdir(),
  `reclaim-test-template-${process.getuid?.() ?? 0}-${checkout}.tar.gz`,
);
