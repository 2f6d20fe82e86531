// The one paginator of the sync: every list the Selling Partner API pages (getReports, Fulfillment Inbound v0,
// Finances) is read to its last page here, however each names its next token.
import { Wait } from '../amazon/client.js';

/**
 * Every page of a list, first to last: `fetchPage` is asked for the first page without a token, then with the token
 * `nextTokenOf` finds in the page before, until a page has none. A Wait on any page is the answer (the step comes
 * back later and reads the list again).
 */
export async function allPages<Page>(
  fetchPage: (nextToken: string | undefined) => Promise<Page | Wait>,
  nextTokenOf: (page: Page) => string | null | undefined,
): Promise<Page[] | Wait> {
  const pages: Page[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    if (page instanceof Wait) return page;
    pages.push(page);
    nextToken = nextTokenOf(page) || undefined;
  } while (nextToken);
  return pages;
}
