// GET /documents/…: the Excel files behind the links the API gives. A link carries a signature bound to the account
// and an expiry (src/documents/signing.ts); a forged or expired one gets 403, whatever it asks for.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { claimOf, claimProducts } from '../cases/claim.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { claimWorkbook, XLSX_CONTENT_TYPE } from '../documents/claim-workbook.js';
import { claimFileName } from '../documents/file-name.js';
import { verifyDocumentUrl } from '../documents/signing.js';
import { underpaidWorkbook } from '../documents/underpaid-workbook.js';
import { dayOf } from '../domain/calendar.js';
import { newCaseUrl } from '../domain/claims/seller-central.js';
import { reviewGuidance } from '../domain/claims/underpaid.js';
import { MISSING_TYPES, type MissingType } from '../domain/types.js';
import type { Logger } from '../logger.js';
import { accountCostBasisDay } from '../store/accounts.js';
import { basisRowsOf, reviewOf, underpaidLines } from '../store/underpaid.js';

function send(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${message}\n`);
}

function sendWorkbook(res: ServerResponse, fileName: string, bytes: Uint8Array) {
  res.writeHead(200, {
    'content-type': XLSX_CONTENT_TYPE,
    'content-disposition': `attachment; filename="${fileName}"`,
    'content-length': String(bytes.byteLength),
    'cache-control': 'private, no-store',
  });
  res.end(bytes);
}

/** The SKUs of a case's items (or of one item), in the order the case was opened with. */
async function caseSkus(db: Database, caseId: number, itemId?: number): Promise<string[]> {
  const rows = await db.sql.query<{ sku: string }>(
    `SELECT p.sku FROM case_item i JOIN product p ON p.id = i.product_id
      WHERE i.case_id = $1 AND ($2::int IS NULL OR i.id = $2::int) ORDER BY i.id`,
    [caseId, itemId ?? null],
  );
  return rows.map((row) => row.sku);
}

function caseFileName(found: { type: MissingType; amazonCaseId: string; openedAt: Date }, skus: string[]): string {
  return claimFileName({ type: found.type, skus, amazonCaseId: found.amazonCaseId, day: dayOf(found.openedAt) });
}

// A validly signed link to what its account does not hold (another account's case, a case deleted since): refused
// like a forged one, and without telling whether the thing exists.
const NOT_YOURS = 'This link does not give access to that document';

export async function serveDocument(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { db: Database; clock: Clock; log: Logger; secret: () => Promise<string> },
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Documents are read with GET');
  const url = new URL(req.url ?? '/', 'http://documents');
  const verdict = verifyDocumentUrl(await deps.secret(), url, deps.clock.now());
  if (!verdict.ok) {
    return send(
      res,
      403,
      verdict.reason === 'expired' ? 'This link has expired: ask the API for a new one' : 'This link is not valid',
    );
  }
  const { accountId } = verdict;
  const { db } = deps;
  let match = /^\/documents\/cases\/(\d+)$/.exec(url.pathname);
  if (match) {
    const found = await db.prisma.case.findFirst({ where: { id: Number(match[1]), accountId, deletedAt: null } });
    if (!found) return send(res, 403, NOT_YOURS);
    const skus = await caseSkus(db, found.id);
    return sendWorkbook(res, caseFileName(found, skus), found.document);
  }
  match = /^\/documents\/cases\/(\d+)\/items\/(\d+)$/.exec(url.pathname);
  if (match) {
    const item = await db.prisma.caseItem.findFirst({
      where: { id: Number(match[2]), caseId: Number(match[1]), accountId, case: { deletedAt: null } },
      include: { case: true },
    });
    if (!item) return send(res, 403, NOT_YOURS);
    const skus = await caseSkus(db, item.case.id, item.id);
    return sendWorkbook(res, caseFileName(item.case, skus), item.document);
  }
  match = /^\/documents\/claims\/([A-Z]+)$/.exec(url.pathname);
  if (match && (MISSING_TYPES as readonly string[]).includes(match[1]!)) {
    const type = match[1] as MissingType;
    const account = await db.prisma.account.findUnique({ where: { id: accountId } });
    if (!account) return send(res, 403, NOT_YOURS);
    // Links carry one `sku` parameter per product; those made before (valid 15 minutes) joined them with commas.
    const skus = url.searchParams.has('sku')
      ? url.searchParams.getAll('sku')
      : (url.searchParams.get('skus') ?? '').split(',').filter(Boolean);
    const asOfDay = url.searchParams.get('asOf') ?? dayOf(deps.clock.now());
    try {
      const chosen = await claimProducts(db, accountId, skus);
      if (!chosen.ok) {
        deps.log.warn({ code: chosen.code, reason: chosen.message }, 'claim document refused');
        return send(res, 403, NOT_YOURS);
      }
      const { products } = chosen;
      const claim = await claimOf(db, account, type, products, asOfDay);
      const bytes = await claimWorkbook({ claim, region: account.region, asOfDay });
      const fileName = claimFileName({ type, skus: products.map((product) => product.sku), day: asOfDay });
      return sendWorkbook(res, fileName, bytes);
    } catch (error) {
      deps.log.warn({ err: error }, 'claim document refused');
      return send(res, 403, NOT_YOURS);
    }
  }
  match = /^\/documents\/underpaid\/([^/]+)$/.exec(url.pathname);
  if (match) {
    const key = decodeURIComponent(match[1]!);
    const account = await db.prisma.account.findUnique({ where: { id: accountId } });
    if (!account) return send(res, 403, NOT_YOURS);
    // Computed again, as the list is: a line paid in full since (a new cost, a correction) has no evidence to give.
    const line = (await underpaidLines(db, account, accountCostBasisDay(account))).find((found) => found.key === key);
    const product = line && (await db.prisma.product.findFirst({ where: { id: line.productId, accountId } }));
    if (!line || !product) return send(res, 403, NOT_YOURS);
    const asOfDay = dayOf(deps.clock.now());
    const bytes = await underpaidWorkbook({
      review: reviewOf(line, product, account.name),
      basisRows: await basisRowsOf(db, account, line),
      sellerCentralUrl: newCaseUrl(account.region),
      guidance: reviewGuidance(line.reimbursementId, line.basis),
      asOfDay,
    });
    return sendWorkbook(
      res,
      `reclaim-underpaid-${line.reimbursementId.replace(/[^\w-]/g, '_')}-${asOfDay}.xlsx`,
      bytes,
    );
  }
  return send(res, 404, 'No such document');
}
