// Claim descriptions in English (every region).
import type { ClaimTemplate } from '../description.js';

const units = (count: number) => `${count} unit${count === 1 ? '' : 's'}`;

export const en: ClaimTemplate = {
  greeting: 'Hello,',
  request: {
    LOST: (count, products) =>
      `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that your Inventory Ledger shows as lost or unrecoverable in your fulfillment centers. They have not been found again nor reimbursed.`,
    DAMAGED: (count, products) =>
      `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that your Inventory Ledger shows as damaged in your fulfillment centers or by your inbound carrier. They have not been reimbursed.`,
    INBOUND: (count, products) =>
      `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that were shipped to your fulfillment center but not received: the shipments below are closed with fewer units received than shipped.`,
    UNRETURNED: (count, products) =>
      `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that were refunded to customers but never returned to your fulfillment centers.`,
    REMOVAL: (count, products) =>
      `I am requesting a reimbursement for ${units(count)} of ${products === 1 ? 'the product below' : `${products} products`} that I asked you to return to me with the removal orders below and that never reached me: they were not shipped although the order is completed, or the shipment arrived short.`,
  },
  product: (product, count) =>
    `${product.title ?? product.sku} (SKU ${product.sku}${product.fnsku ? `, FNSKU ${product.fnsku}` : ''}${product.asin ? `, ASIN ${product.asin}` : ''}): ${units(count)}`,
  evidence: {
    LOST: (line) =>
      `${line.date}: ${units(line.units)}, ledger Reference ID ${line.reference ?? 'n/a'}${line.fulfillmentCenter ? `, fulfillment center ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, reason ${line.reasonCode}` : ''}`,
    DAMAGED: (line) =>
      `${line.date}: ${units(line.units)}, ledger Reference ID ${line.reference ?? 'n/a'}${line.fulfillmentCenter ? `, fulfillment center ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, reason ${line.reasonCode}` : ''}`,
    INBOUND: (line) =>
      `Shipment ${line.reference ?? 'n/a'}, closed ${line.date}${line.fulfillmentCenter ? ` at ${line.fulfillmentCenter}` : ''}: ${units(line.units)} short`,
    UNRETURNED: (line) => `Order ${line.reference ?? 'n/a'}, refunded ${line.date}: ${units(line.units)} not returned`,
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
};
