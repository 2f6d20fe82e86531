// Whether an error means "the database cannot be reached" (down, restarting, network cut) rather than "the query is
// wrong": the first is worth a retry and a clear word to the client, the second is a bug.

/** Socket errors, and PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P (operator intervention). */
const UNAVAILABLE_CODES =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|08\w{3}|57P0[1-3]|P1001|P1002|P1017)$/;
const UNAVAILABLE_MESSAGES =
  /connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|server closed the connection|the database system is (starting up|shutting down)|Can't reach database server|connection refused|Connection lost/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Prisma and the driver adapters wrap the socket error, sometimes several times.
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, originalCode } = current as { code?: unknown; message?: unknown; originalCode?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
    if (typeof originalCode === 'string' && UNAVAILABLE_CODES.test(originalCode)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    const next = current as { originalError?: unknown; cause?: unknown; errors?: unknown[] };
    current = next.originalError ?? next.cause ?? (Array.isArray(next.errors) ? next.errors[0] : undefined);
  }
  return false;
}
