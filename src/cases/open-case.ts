// Opening a case (docs/rules.md section 5): the refusals in their order, the claim with its description and Excel
// evidence frozen into the case, the cases' sync, and the announcements once it all committed.
import type { Sql } from '../db/database.js';
import { claimWorkbook } from '../documents/claim-workbook.js';
import { dayOf } from '../domain/calendar.js';
import type { CaseEvent } from '../domain/case-events.js';
import { claimSkus, duplicateCaseIdRefusal, type OpenCaseFacts, openCaseRefusal } from '../domain/case-rules.js';
import { amazonCaseIdOf } from '../domain/claims/case-id.js';
import { describeClaim, descriptionLanguageOf } from '../domain/claims/description.js';
import { type Refusal, refusal } from '../domain/errors.js';
import type { MissingType } from '../domain/types.js';
import type { Account, Product } from '../generated/prisma/client.js';
import {
  caseIdTaken,
  insertCase,
  isUniqueViolation,
  lockCases,
  productsWithOpenCase,
  skusOfCase,
  writeAudit,
} from '../store/cases.js';
import { markStale } from '../store/missing-pool.js';
import type { CaseDependencies } from './case-change.js';
import { claimOf, productsOfSkus } from './claim.js';
import { syncCases } from './sync-cases.js';

export interface OpenCaseInput {
  type: MissingType;
  skus: readonly string[];
  amazonCaseId: string;
  /** When the case is opened (docs/rules.md section 5: at asOf, by default now). */
  asOf: Date;
}

/** The SKUs of the products that have an OPEN case of the type. */
async function skusWithOpenCase(
  sql: Sql,
  accountId: number,
  type: MissingType,
  products: readonly Product[],
): Promise<string[]> {
  const open = await productsWithOpenCase(
    sql,
    accountId,
    type,
    products.map((product) => product.id),
  );
  return products.filter((product) => open.has(product.id)).map((product) => product.sku);
}

/** The facts two requests at once can change: read again under the case lock, they refuse the later one. */
async function concurrentFacts(
  sql: Sql,
  accountId: number,
  type: MissingType,
  amazonCaseId: string,
  products: readonly Product[],
): Promise<Pick<OpenCaseFacts, 'caseIdTaken' | 'skusWithOpenCase'>> {
  if (await caseIdTaken(sql, accountId, amazonCaseId)) return { caseIdTaken: true };
  return { caseIdTaken: false, skusWithOpenCase: await skusWithOpenCase(sql, accountId, type, products) };
}

/**
 * Opens a case, refusing as openCaseRefusal says (src/domain/case-rules.ts): one refusal refuses the whole case and
 * saves nothing. The database enforces DUPLICATE_CASE_ID and CASE_ALREADY_OPEN too, against two requests at once.
 */
export async function openCase(
  deps: CaseDependencies,
  account: Account,
  input: OpenCaseInput,
): Promise<{ ok: true; caseId: number } | Refusal> {
  const { db } = deps;
  const asOfDay = dayOf(input.asOf);
  const facts: OpenCaseFacts = { type: input.type, asOfDay, amazonCaseId: input.amazonCaseId, skus: input.skus };
  let refused = openCaseRefusal(facts);
  if (refused) return refused;
  const amazonCaseId = amazonCaseIdOf(input.amazonCaseId)!;
  // Checked first to refuse at once, before the claim and its documents are made; checked again under the lock.
  facts.caseIdTaken = await caseIdTaken(db.sql, account.id, amazonCaseId);
  refused = openCaseRefusal(facts);
  if (refused) return refused;
  const { products, unknown } = await productsOfSkus(db, account.id, claimSkus(input.skus));
  facts.unknownSkus = unknown;
  refused = openCaseRefusal(facts);
  if (refused) return refused;
  facts.skusWithOpenCase = await skusWithOpenCase(db.sql, account.id, input.type, products);
  refused = openCaseRefusal(facts);
  if (refused) return refused;
  const claim = await claimOf(db, account, input.type, products, asOfDay);
  facts.skusWithNothingToClaim = claim.items.filter((item) => item.units === 0).map((item) => item.product.sku);
  if (facts.skusWithNothingToClaim.length > 0) {
    // A case committed by another call since the first checks took these units: its refusals come first.
    Object.assign(facts, await concurrentFacts(db.sql, account.id, input.type, amazonCaseId, products));
    return openCaseRefusal(facts)!;
  }
  const language = descriptionLanguageOf(account);
  const description = describeClaim(claim, language, account.region);
  const document = await claimWorkbook({ claim, region: account.region, asOfDay, amazonCaseId });
  const itemDocuments = await Promise.all(
    claim.items.map((item) =>
      claimWorkbook({ claim: { ...claim, items: [item] }, region: account.region, asOfDay, amazonCaseId }),
    ),
  );
  let opened: { caseId: number; itemIds: number[] } | Refusal;
  try {
    opened = await db.transaction(async (sql) => {
      await lockCases(sql, account.id);
      // Under the lock, the cases other calls committed are seen: of N calls at once, one opens the case and the
      // others get their refusal, as close and delete do (the unique indexes stay the last guard).
      const late = openCaseRefusal({
        ...facts,
        ...(await concurrentFacts(sql, account.id, input.type, amazonCaseId, products)),
      });
      if (late) return late;
      const created = await insertCase(sql, {
        accountId: account.id,
        amazonCaseId,
        type: input.type,
        openedAt: input.asOf,
        description,
        language,
        document,
        items: claim.items.map((item, index) => ({
          productId: products[index]!.id,
          claimedUnits: item.units,
          evidence: item.evidence,
          document: itemDocuments[index]!,
        })),
      });
      await writeAudit(sql, {
        at: input.asOf,
        accountId: account.id,
        caseId: created.caseId,
        actor: 'user',
        action: 'OPENED',
        details: {
          amazonCaseId,
          type: input.type,
          items: claim.items.map((item) => ({ sku: item.product.sku, units: item.units })),
        },
      });
      await markStale(
        sql,
        account.id,
        products.map((product) => product.id),
      );
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'case_amazon_case_id_key')) return duplicateCaseIdRefusal(amazonCaseId);
    if (isUniqueViolation(error, 'case_item_one_open_case_key')) {
      return refusal('CASE_ALREADY_OPEN', `A product of this claim already has an OPEN ${input.type} case`);
    }
    throw error;
  }
  if ('ok' in opened) return opened;
  const { caseId, itemIds } = opened;
  const events: CaseEvent[] = [
    {
      kind: 'OPENED',
      caseId,
      at: input.asOf,
      state: {
        status: 'OPEN',
        closedAt: null,
        closedBy: null,
        items: itemIds.map((id) => ({ id, reimbursedUnits: 0 })),
        reimbursements: [],
      },
    },
  ];
  events.push(
    ...(await syncCases(
      db,
      account.id,
      input.asOf,
      products.map((product) => product.id),
    )),
  );
  deps.log.info({ caseId, type: input.type, products: input.skus.length }, 'case opened');
  await deps.publishCaseEvents(events);
  deps.publishMissingChanged(await skusOfCase(db, caseId));
  return { ok: true, caseId };
}
