#!/usr/bin/env -S node --liftoff-only
// Runs the compiled command (dist/, built from src/ at install time by `npm ci`, or `npm run build`).
try {
  await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.js')) throw error;
  process.stderr.write('reclaim: dist/ is missing: run `npm run build` (npm ci does it) first\n');
  process.exit(2);
}
