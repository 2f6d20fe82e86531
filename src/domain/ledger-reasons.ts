// The adjustment reason codes of the Inventory Ledger (docs/reports.md section 1), in words for the evidence a seller
// attaches to a claim.
import { type EnglishSpelling, fulfilmentCentre } from './claims/spelling.js';

const FULFILMENT_CENTRE_GB = fulfilmentCentre('en-GB');

const MEANINGS: Readonly<Record<string, string>> = {
  M: 'Misplaced / lost in the fulfilment centre',
  '5': 'Unrecoverable inventory',
  F: 'Found (inventory found again)',
  N: 'Transferred in to the account',
  E: 'Damaged at an Amazon fulfilment centre',
  '6': 'Damaged by the inbound carrier',
  Q: 'Damaged, miscellaneous',
  '7': 'Expired',
  H: 'Customer-damaged return',
  K: 'Item defect',
  U: 'Distributor damage',
  P: 'Moved to the unsellable disposition (twin of a damage)',
  D: 'Destroyed / disposed',
  '1': 'Correction',
  '2': 'Correction',
  J: 'Correction',
  '3': 'Redefinition',
  '4': 'Redefinition',
  O: 'Disposition change',
};

/** The words of a reason code, spelt en-GB unless asked otherwise (the evidence of NA and FE accounts: en-US). */
export function describeReason(code: string, spelling: EnglishSpelling = 'en-GB'): string | undefined {
  const meaning = MEANINGS[code];
  return spelling === 'en-GB' ? meaning : meaning?.replace(FULFILMENT_CENTRE_GB, fulfilmentCentre(spelling));
}
