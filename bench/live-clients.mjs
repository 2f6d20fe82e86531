// The subscribers of bench/live.ts, in a thread of their own so that receiving does not steal the server's thread.
// Every message carries its sequence number; each subscriber records when (absolute high-resolution time) it
// received each measured one. Warm-up messages (below MEASURED) only tell that a subscriber is live.

import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
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
    // The same message as graphql-ws's, read the same way.
    socket.on('message', (data) => onMessage(index, Date.parse(JSON.parse(String(data)).payload.data.caseUpdated.at)));
    continue;
  }
  if (setup.mode === 'sse') {
    subscribeSse(index);
    continue;
  }
  subscribeGraphqlWs(index);
}

/**
 * graphql-ws's own protocol (graphql-transport-ws) spoken with no more work per message than the bare ws client
 * does (one JSON.parse): the graphql-ws client library costs several times that per message, and at 1,000
 * subscribers the thread receiving would measure itself rather than the server.
 */
function subscribeGraphqlWs(index) {
  const socket = new WebSocket(setup.url, 'graphql-transport-ws');
  socket.on('open', () =>
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${setup.token}` } })),
  );
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    // The sequence travels as the event's instant (milliseconds since the epoch).
    if (message.type === 'next') onMessage(index, Date.parse(message.payload.data.caseUpdated.at));
    else if (message.type === 'connection_ack')
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: setup.query } }));
    else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    else parentPort.postMessage({ error: `subscriber ${index}: ${String(data)}` });
  });
  socket.on('close', (code, reason) => {
    if (remaining > 0) parentPort.postMessage({ error: `subscriber ${index}: closed ${code} ${reason}` });
  });
}

/**
 * Server-Sent Events: a POST with Accept: text/event-stream, one event per `data:` line; read with node:http, whose
 * cost per chunk is near the ws client's (fetch's web streams cost several times that).
 */
function subscribeSse(index) {
  const body = JSON.stringify({ query: setup.query });
  const request = http.request(setup.url, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      accept: 'text/event-stream',
      authorization: `Bearer ${setup.token}`,
    },
  });
  request.on('response', (response) => {
    response.setEncoding('utf8');
    let buffer = '';
    response.on('data', (chunk) => {
      buffer += chunk;
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
    });
  });
  request.on('error', (error) => parentPort.postMessage({ error: `subscriber ${index}: ${error.message}` }));
  request.end(body);
}
