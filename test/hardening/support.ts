// What every hardening test checks besides its refusal: the server still serves another account promptly.
import { expect } from 'vitest';

/** Another account's plain query answers within a second (the liveness bound, not a benchmark). */
export async function answersWithinASecond(server: { url: string }, token: string): Promise<void> {
  const started = performance.now();
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { name } }' }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json()) as { data?: { viewer?: { name: string } } };
  expect(body.data?.viewer?.name).toBeTruthy();
  expect(performance.now() - started).toBeLessThan(1_000);
}

export interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Sends an operation as text (the hardening tests send what no typed client would). */
export async function send(
  server: { url: string },
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
