// Where a claim is opened in Seller Central, for each region, and which options to pick for each type.
import type { MissingType, Region } from '../types.js';

const SELLER_CENTRAL: Readonly<Record<Region, string>> = {
  NA: 'https://sellercentral.amazon.com',
  EU: 'https://sellercentral-europe.amazon.com',
  FE: 'https://sellercentral.amazon.co.jp',
};

/** The page where a new case is opened. */
export function newCaseUrl(region: Region): string {
  return `${SELLER_CENTRAL[region]}/cu/contact-us`;
}

/** The page of an opened case in Seller Central's case log. */
export function caseLogUrl(region: Region, amazonCaseId: string): string {
  return `${SELLER_CENTRAL[region]}/cu/case-dashboard/view-case?caseID=${encodeURIComponent(amazonCaseId)}`;
}

const TOPICS: Readonly<Record<MissingType, string[]>> = {
  LOST: [
    'Choose "Selling on Amazon", then "Fulfillment by Amazon", then "FBA inventory reimbursement" and "Lost or damaged in an Amazon fulfillment center".',
    'Give the FNSKU and the ledger Reference IDs of the description: they are the transaction IDs Amazon asks for.',
  ],
  DAMAGED: [
    'Choose "Selling on Amazon", then "Fulfillment by Amazon", then "FBA inventory reimbursement" and "Lost or damaged in an Amazon fulfillment center".',
    'Give the FNSKU and the ledger Reference IDs of the damage adjustments (reason codes E, 6 or Q).',
  ],
  INBOUND: [
    'Open the shipment in "Send to Amazon" / the Shipping Queue, go to "Reconcile" and use "Research discrepancy" when it is offered; otherwise choose "FBA inventory reimbursement" and "Inbound shipment (shortage)".',
    'Give the shipment ID and, when Amazon asks for them, the proof of delivery and the box contents of the shipment.',
  ],
  UNRETURNED: [
    'Choose "Selling on Amazon", then "Fulfillment by Amazon", then "FBA inventory reimbursement" and "Customer return" (refunded, not returned).',
    'Give the order IDs of the description: Amazon checks each refund against its returns.',
  ],
  REMOVAL: [
    'Choose "Selling on Amazon", then "Fulfillment by Amazon", then "FBA inventory reimbursement" and "Removal order" (Amazon\'s removals claims page), and enter the removal order ID when the tool asks for it: it checks the order\'s eligibility.',
    'Give the removal order ID, the tracking number and carrier of each shipment and the quantities requested, shipped and received. A shipment lost in transit can be claimed from 15 to 75 days after it was created; Amazon may ask for photos of the box and of the units that arrived.',
  ],
};

/** Step 3 of the wizard: which options to pick in Seller Central for this type. */
export function guidance(type: MissingType): string[] {
  return [
    ...TOPICS[type],
    'Paste the description Reclaim wrote for this claim.',
    'When Seller Central asks for evidence, attach the Excel file Reclaim made for this claim (step 1).',
    'Save the case ID Seller Central gives the case in Reclaim: Reclaim then follows the case until Amazon pays.',
  ];
}
