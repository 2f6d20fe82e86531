import os from 'node:os';
import path from 'node:path';

/** The migrated, empty embedded database every test file starts from (a gzipped tarball of its data directory). */
export const TEMPLATE_PATH = path.join(os.tmpdir(), `reclaim-test-template-${process.getuid?.() ?? 0}.tar.gz`);
