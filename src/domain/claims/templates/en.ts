// Claim descriptions in English (every region), spelt as the region's Seller Central spells it (spelling.ts).
import type { ClaimTemplate } from '../description.js';
import { type EnglishSpelling, fulfilmentCentre } from '../spelling.js';

const units = (count: number) => `${count} unit${count === 1 ? '' : 's'}`;

function english(spelling: EnglishSpelling): ClaimTemplate {
  const centre = fulfilmentCentre(spelling);
  const centres = fulfilmentCentre(spelling, true);
  return {
    greeting: 'Hello,',
    request: {
      LOST: (count, products) =>
        `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that your Inventory Ledger shows as lost or unrecoverable in your ${centres}. They have not been found again nor reimbursed.`,
      DAMAGED: (count, products) =>
        `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that your Inventory Ledger shows as damaged in your ${centres} or by your inbound carrier. They have not been reimbursed.`,
      INBOUND: (count, products) =>
        `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that were shipped to your ${centre} but not received: the shipments below are closed with fewer units received than shipped.`,
      UNRETURNED: (count, products) =>
        `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that were refunded to customers but never returned to your ${centres}.`,
      REMOVAL: (count, products) =>
        `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that I asked you to return to me with the removal orders below and that never reached me: they were not shipped although the order is completed, or the shipment arrived short.`,
    },
    product: (product, count) =>
      `${product.title ?? product.sku} (SKU ${product.sku}${product.fnsku ? `, FNSKU ${product.fnsku}` : ''}${product.asin ? `, ASIN ${product.asin}` : ''}): ${units(count)}`,
    evidence: {
      LOST: (line) =>
        `${line.date}: ${units(line.units)}, ledger Reference ID ${line.reference ?? 'n/a'}${line.fulfillmentCenter ? `, ${centre} ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, reason ${line.reasonCode}` : ''}`,
      DAMAGED: (line) =>
        `${line.date}: ${units(line.units)}, ledger Reference ID ${line.reference ?? 'n/a'}${line.fulfillmentCenter ? `, ${centre} ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, reason ${line.reasonCode}` : ''}`,
      INBOUND: (line) =>
        `${units(line.units)} short for ${line.reference ?? 'n/a'}${line.fulfillmentCenter ? ` at ${line.fulfillmentCenter}` : ''}${line.shipment ? `: ${line.shipment.quantityShipped} shipped, ${line.shipment.quantityReceived} received` : ''}, shipment closed ${line.date}`,
      UNRETURNED: (line) =>
        `Order ${line.reference ?? 'n/a'}, refunded ${line.date}: ${units(line.units)} not returned`,
      REMOVAL: (line) =>
        line.trackingNumber
          ? `Removal order ${line.reference ?? 'n/a'}, shipment ${line.trackingNumber}${line.carrier ? ` (${line.carrier})` : ''} shipped ${line.date}: ${line.removal?.shipped ?? 'n/a'} shipped, ${line.removal?.received ?? 'n/a'} received, ${units(line.units)} missing`
          : `Removal order ${line.reference ?? 'n/a'}, completed ${line.date}: ${line.removal?.requested ?? 'n/a'} requested, ${line.removal?.cancelled ?? 0} cancelled, ${line.removal?.disposed ?? 0} disposed, ${line.removal?.shipped ?? 0} shipped: ${units(line.units)} never shipped`,
    },
    ask: {
      LOST: 'Please locate these units or reimburse them at their value.',
      DAMAGED: 'Please reimburse these units at their value.',
      INBOUND: 'Please investigate these shipments and reimburse the units that were not received.',
      UNRETURNED: 'Please charge the customers or reimburse these units at their value.',
      REMOVAL: 'Please locate these units or reimburse them at their value.',
    },
    manufacturingCost:
      'My manufacturing cost for these products is on file with Amazon on the "Manage Your Manufacturing Cost" page; since 10 March 2025 your policy reimburses units lost or damaged before a customer order at that cost.',
    attachment: 'The attached Excel file lists every entry above with its date, quantity and reference.',
    closing: 'Thank you,',
    underpaid: {
      request: (id, day) =>
        `I am asking you to review the amount of reimbursement ${id}, approved on ${day}: it is below what your reimbursement policy pays for these units.`,
      paid: (count, perUnit, total) => `You paid ${perUnit} per unit for ${units(count)} (${total}).`,
      basis: {
        MANUFACTURING_COST: (expected) =>
          `My manufacturing cost is ${expected} per unit, on file with Amazon on the "Manage Your Manufacturing Cost" page; since 10 March 2025 your policy reimburses units lost or damaged before a customer order at that cost.`,
        COST_UNKNOWN: () =>
          'My manufacturing cost is on file with Amazon on the "Manage Your Manufacturing Cost" page.',
        SALE_PRICE: (expected) =>
          `The product sold at ${expected} per unit, the value your policy paid before 10 March 2025.`,
        ORDER_PRICE_LESS_FEES: (expected, order) =>
          `Order ${order ?? 'n/a'} sold at ${expected} per unit after your fees; your policy reimburses a unit lost after a customer order at that price less the fees.`,
        ORDER_PRICE_FEES_UNKNOWN: (expected, order) =>
          `The customer was refunded ${expected} per unit on order ${order ?? 'n/a'}; your policy reimburses a unit lost after a customer order at the order's price less the fees.`,
      },
      shortfall: (amount) => `The reimbursement falls short by ${amount}.`,
      ask: 'Please review the amount of this reimbursement and pay the difference.',
      attachment:
        'The attached Excel file shows the reimbursement line, the expected payout per unit and the rows it comes from.',
    },
  };
}

export const en = english('en-US');
export const enGB = english('en-GB');
