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

// GraphiQL lays its query editor and its response side by side whatever the width: on a phone the response was a
// column of one or two characters. Under 640 px they are stacked, the response below, each half the height, the drag
// bar between them (which only resizes widths) and the logo (which pushed the tabs off the header) left out.
const NARROW_SCREEN_STYLE = `<style>
@media (max-width: 640px) {
  .graphiql-container .graphiql-sidebar { padding: 4px; width: 44px; }
  .graphiql-container .graphiql-sidebar button { width: 36px; height: 36px; }
  .graphiql-container .graphiql-logo { display: none; }
  .graphiql-container .graphiql-sessions { margin: 8px 8px 8px 0; }
  .graphiql-container div:has(> .graphiql-editors) { flex-direction: column; }
  .graphiql-container .graphiql-horizontal-drag-bar { display: none; }
  .graphiql-container .graphiql-editors,
  .graphiql-container .graphiql-response { flex: 1 1 0% !important; min-height: 40%; }
}
</style>`;

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
            .replace('"__RECLAIM_STORAGE__"', TAB_STORAGE)
            // The first </head> is the page's: the others are inside its scripts.
            .replace('</head>', `${NARROW_SCREEN_STYLE}</head>`),
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
