// RULES.md section 2: a reimbursement line's type comes from its reason, compared in lower case with every character
// that is not a letter or digit removed.
import { describe, expect, it } from 'vitest';
import { isReversal, normaliseReason, typeOfReason } from '../../../src/domain/reimbursement-types.js';

describe('normaliseReason: lower case, letters and digits only', () => {
  it.each([
    ['Lost_Warehouse', 'lostwarehouse'],
    ['Lost_warehouse', 'lostwarehouse'],
    ['LOST-WAREHOUSE', 'lostwarehouse'],
    [' lost warehouse ', 'lostwarehouse'],
    ['Customer_Return', 'customerreturn'],
    ['CustomerServiceIssue', 'customerserviceissue'],
    ['Reimbursement_Reversal', 'reimbursementreversal'],
    ['Fee_Correction_2', 'feecorrection2'],
    ['', ''],
  ])('%j is %j', (reason, normalised) => {
    expect(normaliseReason(reason)).toBe(normalised);
  });
});

describe('typeOfReason: the table of RULES.md section 2', () => {
  it.each([
    ['Lost_Warehouse', 'LOST'],
    ['Lost_warehouse', 'LOST'],
    ['LOST-WAREHOUSE', 'LOST'],
    ['Damaged_Warehouse', 'DAMAGED'],
    ['damaged warehouse', 'DAMAGED'],
    ['Lost_Inbound', 'INBOUND'],
    ['Damaged_Inbound', 'INBOUND'],
    ['Customer_Return', 'UNRETURNED'],
    ['CUSTOMER-RETURN', 'UNRETURNED'],
    ['Customer_Service_Issue', 'UNRETURNED'],
    ['CustomerServiceIssue', 'UNRETURNED'],
  ] as const)('%s pays %s', (reason, type) => {
    expect(typeOfReason(reason)).toBe(type);
  });

  it('types no reversal: a reversal takes the type of its original line', () => {
    expect(typeOfReason('Reimbursement_Reversal')).toBeUndefined();
  });

  it.each(['Fee_Correction', 'Removal_Order_Lost', 'Lost', 'Warehouse', 'LostWarehouses', 'Compensated_Clawback', ''])(
    'ignores the reason %j',
    (reason) => {
      expect(typeOfReason(reason)).toBeUndefined();
    },
  );
});

describe('isReversal', () => {
  it.each(['Reimbursement_Reversal', 'reimbursement reversal', 'REIMBURSEMENT-REVERSAL', 'ReimbursementReversal'])(
    '%j is a reversal',
    (reason) => {
      expect(isReversal(reason)).toBe(true);
    },
  );

  it.each(['Lost_Warehouse', 'Reversal', 'Reimbursement', ''])('%j is not a reversal', (reason) => {
    expect(isReversal(reason)).toBe(false);
  });
});
