// A command on the database itself: PostgreSQL (shared with running servers), or the embedded database when no
// `reclaim serve` holds it (target.ts decides).
import { openRuntime, type Runtime } from '../runtime.js';

export async function withRuntime<T>(purpose: string, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(purpose, { logLevel: 'warn' });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
