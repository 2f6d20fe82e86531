// The subscribers of bench/live.ts, in a thread of their own so that receiving does not steal the server's thread.
// Every message carries its sequence number; each subscriber records when (absolute high-resolution time) it
// received each measured one. Warm-up messages (below MEASURED) only tell that a subscriber is live.
import { parentPort, workerData } from 'node:worker_threads';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

// Plain JavaScript: a worker thread does not inherit the main thread's TypeScript loader.
/** @type {{ mode: 'graphql-ws' | 'sse' | 'ws', url: string, token?: string, query?: string, subscribers: number, expected: number, measured: number }} */
const setup = workerData;
const MEASURED = setup.measured;
const now = () => performance.timeOrigin + performance.now();
const received = Array.from({ length: setup.subscribers }, () => new Array(setup.expected).fill(Number.NaN));
const live = new Set();
let remaining = setup.subscribers * setup.expected;

function onMessage(index, sequence) {
  const at = now();
  if (sequence < MEASURED) {
    live.add(index);
    if (live.size === setup.subscribers) parentPort.postMessage({ ready: true });
    return;
  }
  received[index][sequence - MEASURED] = at;
  if (--remaining === 0) parentPort.postMessage({ received });
}

for (let index = 0; index < setup.subscribers; index++) {
  if (setup.mode === 'ws') {
    const socket = new WebSocket(setup.url);
    socket.on('message', (data) => onMessage(index, JSON.parse(String(data)).sequence));
    continue;
  }
  if (setup.mode === 'sse') {
    void subscribeSse(index);
    continue;
  }
  const client = createClient({
    url: setup.url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${setup.token}` },
  });
  client.subscribe(
    { query: setup.query },
    {
      // The sequence travels as the event's instant (milliseconds since the epoch).
      next: (result) => onMessage(index, Date.parse(result.data.caseUpdated.at)),
      error: (error) => parentPort.postMessage({ error: String(error) }),
      complete: () => {},
    },
  );
}

/** Server-Sent Events: a POST with Accept: text/event-stream, one event per `data:` line. */
async function subscribeSse(index) {
  const response = await fetch(setup.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${setup.token}`,
    },
    body: JSON.stringify({ query: setup.query }),
  });
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5))
        .join('');
      buffer = buffer.slice(end + 2);
      if (data) onMessage(index, Date.parse(JSON.parse(data).data.caseUpdated.at));
    }
  }
}
