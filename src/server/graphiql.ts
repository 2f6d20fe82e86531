// GraphiQL in a browser on GET /graphql, rendered once and sent compressed (the page is about 9 MB of HTML).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CompressedBody } from './compressed.js';

const DEFAULT_QUERY = `# Reclaim: what Amazon owes you. Send your account token in the Headers tab:
# { "Authorization": "Bearer rcl_..." }
{
  viewer { name region }
  imports(first: 10) {
    edges { node { fileName kind status rows inserted duplicates errors { line column message } } }
  }
}
`;

// The page reads a token from the link's #fragment (never sent to the server, never logged) and prefills the
// Authorization header with it: `npm start` prints such a link for the demo account.
const HEADERS_FROM_FRAGMENT = `(function () {
  var token = new URLSearchParams(location.hash.slice(1)).get('token');
  return token ? JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2) : '{}';
})()`;

// GraphiQL keeps its tabs (headers included) in localStorage, where a token would outlive the tab; the dashboard
// keeps its token for the tab only, and so does GraphiQL with sessionStorage.
const TAB_STORAGE = 'window.sessionStorage';

// Options the page is rendered with; the placeholders are JavaScript expressions put in after JSON encoding.
const OPTIONS = {
  title: 'Reclaim GraphiQL',
  defaultQuery: DEFAULT_QUERY,
  headers: '__RECLAIM_HEADERS__',
  shouldPersistHeaders: false,
  storage: '__RECLAIM_STORAGE__',
  subscriptionsProtocol: 'WS' as const,
};

let page: Promise<CompressedBody> | undefined;

// The renderer is loaded on the first request for the page: its module holds the page's 9 MB of HTML as source
// text, about 32 MB of heap that a server nobody opens GraphiQL on would carry for nothing.
function graphiqlPage(): Promise<CompressedBody> {
  page ??= import('@graphql-yoga/render-graphiql').then(
    ({ renderGraphiQL }) =>
      new CompressedBody(
        Buffer.from(
          renderGraphiQL(OPTIONS)
            .replace('"__RECLAIM_HEADERS__"', HEADERS_FROM_FRAGMENT)
            .replace('"__RECLAIM_STORAGE__"', TAB_STORAGE),
        ),
        'text/html; charset=utf-8',
      ),
  );
  return page;
}

/** GraphiQL for a browser asking /graphql for HTML (as yoga decides it); false for any other request. */
export async function serveGraphiQL(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = (req.url ?? '').split('?')[0];
  if (pathname !== '/graphql' && pathname !== '/graphql/') return false;
  if (!(req.headers.accept ?? '').includes('text/html')) return false;
  await (await graphiqlPage()).send(req, res, {
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  return true;
}
