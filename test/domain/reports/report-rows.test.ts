// The row reader of each report format: the values and the identity of the rows of each sample file, and the rules
// of docs/reports.md and docs/rules.md section 2 that apply to single rows. One top-level describe per format.
import { describe, expect, it } from 'vitest';
import { isReversal, normaliseReason, typeOfReason } from '../../../src/domain/reimbursement-types.js';
import { customerReturnsFormat } from '../../../src/domain/reports/customer-returns.js';
import {
  inboundShipmentsFormat,
  looksLikeJson,
  readInboundShipmentsJson,
  SHIPMENT_STATUSES,
} from '../../../src/domain/reports/inbound-shipments.js';
import { ledgerFormat, normaliseEventType } from '../../../src/domain/reports/ledger.js';
import { productCostsFormat } from '../../../src/domain/reports/product-costs.js';
import { reimbursementsFormat } from '../../../src/domain/reports/reimbursements.js';
import { settlementFormat } from '../../../src/domain/reports/settlement.js';
import { readTsv, sample, sampleHeader, sampleRow, tsv } from './read-tsv.js';

// docs/reports.md section 1: the Inventory Ledger, detailed view.
describe('ledgerFormat (docs/reports.md section 1)', () => {
  const HEADER = sampleHeader('ledger.tsv');

  function readOne(overrides: Record<string, string>, header: readonly string[] = HEADER) {
    const { rows, problems } = readTsv(ledgerFormat, tsv(header, { ...sampleRow('ledger.tsv', 3), ...overrides }));
    return { row: rows[0], problems };
  }

  describe('ledger rows: values of the sample file', () => {
    it('reads every row of ledger.tsv without a problem', () => {
      const { rows, problems } = readTsv(ledgerFormat, sample('ledger.tsv'));
      expect(problems).toEqual([]);
      expect(rows).toHaveLength(12);
      expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    });

    it('reads an adjustment row (line 3: SKU-MUG-01, M, -3)', () => {
      const { rows } = readTsv(ledgerFormat, sample('ledger.tsv'));
      const row = rows.find((candidate) => candidate.line === 3)!;
      expect(row.values).toEqual({
        date: '2025-04-20',
        fnsku: 'X00MUG0001',
        asin: 'B0MUG00001',
        msku: 'SKU-MUG-01',
        title: 'Ceramic Mug 350ml',
        eventType: 'Adjustments',
        referenceId: '100000000001',
        quantity: -3,
        fulfillmentCenter: 'PHX7',
        disposition: 'SELLABLE',
        reason: 'M',
        country: 'US',
        reconciledQuantity: 0,
        unreconciledQuantity: 3,
        dateTime: new Date('2025-04-20T17:00:00.000Z'),
        store: undefined,
      });
      expect(row.product).toEqual({
        sku: 'SKU-MUG-01',
        fnsku: 'X00MUG0001',
        asin: 'B0MUG00001',
        title: 'Ceramic Mug 350ml',
      });
    });

    it('reads a receipt whose reference is the inbound shipment and whose reason is empty', () => {
      const { rows } = readTsv(ledgerFormat, sample('ledger.tsv'));
      const receipt = rows.find((row) => row.line === 5)!;
      expect(receipt.values.eventType).toBe('Receipts');
      expect(receipt.values.referenceId).toBe('FBA15ABCDE1');
      expect(receipt.values.quantity).toBe(20);
      expect(receipt.values.reason).toBeUndefined();
    });

    it('reads the Store column of newer files', () => {
      const { row, problems } = readOne({ Store: 'Amazon.de' }, [...HEADER, 'Store']);
      expect(problems).toEqual([]);
      expect(row?.values.store).toBe('Amazon.de');
    });
  });

  describe('ledger rows: event types', () => {
    it.each([
      ['Adjustments', 'Adjustments'],
      ['adjustments', 'Adjustments'],
      ['Customer Returns', 'CustomerReturns'],
      ['customer_returns', 'CustomerReturns'],
      ['WHSE-TRANSFERS', 'WhseTransfers'],
      ['Vendor Returns', 'VendorReturns'],
    ])('%j is %s', (text, type) => {
      expect(normaliseEventType(text)).toBe(type);
      expect(readOne({ 'Event Type': text }).row?.values.eventType).toBe(type);
    });

    it('keeps an event type it does not know as written', () => {
      expect(normaliseEventType('Something Else')).toBe('Something Else');
    });
  });

  describe('ledger rows: identity ignores Title and reconciled quantities, not Quantity', () => {
    const base = readOne({}).row!;

    it('gives the same identity when only the title or the reconciled counts change', () => {
      expect(readOne({ Title: 'Ceramic Mug 350 ml (new title)' }).row?.identity).toEqual(base.identity);
      expect(readOne({ 'Reconciled Quantity': '3', 'Unreconciled Quantity': '0' }).row?.identity).toEqual(
        base.identity,
      );
    });

    it('gives another identity when the quantity changes', () => {
      expect(readOne({ Quantity: '-2' }).row?.identity).not.toEqual(base.identity);
    });

    it.each([
      ['Date', '04/21/2025'],
      ['MSKU', 'SKU-OTHER'],
      ['Event Type', 'Shipments'],
      ['Reference ID', '100000000099'],
      ['Fulfillment Center', 'ONT8'],
      ['Disposition', 'DEFECTIVE'],
      ['Reason', '5'],
      ['Date and Time', '2025-04-20T11:00:00-0700'],
    ])('gives another identity when %s changes', (column, value) => {
      expect(readOne({ [column]: value }).row?.identity).not.toEqual(base.identity);
    });

    it('gives the same identity to the same instant written with another offset', () => {
      expect(readOne({ 'Date and Time': '2025-04-20T17:00:00Z' }).row?.identity).toEqual(base.identity);
    });
  });

  describe('ledger rows: bad fields are reported by line and column, and the row is left out', () => {
    it('reports a bad date, a fractional quantity and an empty MSKU on the row line', () => {
      const text = tsv(
        HEADER,
        sampleRow('ledger.tsv', 2),
        { ...sampleRow('ledger.tsv', 3), Date: '02/30/2025', Quantity: '2.5', MSKU: '' },
        sampleRow('ledger.tsv', 4),
      );
      const { rows, problems } = readTsv(ledgerFormat, text);
      expect(rows.map((row) => row.line)).toEqual([2, 4]);
      expect(problems).toEqual([
        { line: 3, column: 'Date', message: '"02/30/2025" is not a date' },
        { line: 3, column: 'MSKU', message: 'MSKU is empty' },
        { line: 3, column: 'Quantity', message: '"2.5" is not a whole number' },
      ]);
    });

    it('names the column as the file spells it', () => {
      const header = HEADER.map((name) => (name === 'Quantity' ? 'quantity' : name));
      const { problems } = readTsv(ledgerFormat, tsv(header, { ...sampleRow('ledger.tsv', 3), quantity: 'x' }));
      expect(problems).toEqual([{ line: 2, column: 'quantity', message: '"x" is not a whole number' }]);
    });
  });
});

// docs/reports.md section 2 (the reimbursements report) and docs/rules.md section 2 (a line's units and identity).
describe('reimbursementsFormat (docs/reports.md section 2, docs/rules.md section 2)', () => {
  const HEADER = sampleHeader('reimbursements.tsv');

  function readOne(overrides: Record<string, string>, header: readonly string[] = HEADER) {
    const { rows, problems } = readTsv(
      reimbursementsFormat,
      tsv(header, { ...sampleRow('reimbursements.tsv', 2), ...overrides }),
    );
    return { row: rows[0], problems };
  }

  describe('reimbursement lines: values of the sample files', () => {
    it('reads every line of reimbursements.tsv and reimbursements-after-case.tsv', () => {
      for (const name of ['reimbursements.tsv', 'reimbursements-after-case.tsv'] as const) {
        const { rows, problems } = readTsv(reimbursementsFormat, sample(name));
        expect(problems).toEqual([]);
        expect(rows).toHaveLength(name === 'reimbursements.tsv' ? 3 : 2);
      }
    });

    it('reads an automatic Lost_Warehouse payment (no case id)', () => {
      const { row, problems } = readOne({});
      expect(problems).toEqual([]);
      expect(row?.values).toEqual({
        approvalDate: new Date('2025-05-15T08:00:00.000Z'),
        reimbursementId: '5000001',
        caseId: undefined,
        amazonOrderId: undefined,
        reason: 'Lost_Warehouse',
        sku: 'SKU-MUG-01',
        fnsku: 'X00MUG0001',
        asin: 'B0MUG00001',
        productName: 'Ceramic Mug 350ml',
        condition: 'NewItem',
        currency: 'USD',
        amountPerUnit: '12.99',
        amountTotal: '12.99',
        quantityCash: 1,
        quantityInventory: 0,
        quantityTotal: 1,
        originalReimbursementId: undefined,
        originalReimbursementType: undefined,
      });
      expect(row?.identity).toEqual(['5000001', 'SKU-MUG-01', 'lostwarehouse', 1, '12.99', '2025-05-15T08:00:00.000Z']);
      expect(row?.product).toEqual({
        sku: 'SKU-MUG-01',
        fnsku: 'X00MUG0001',
        asin: 'B0MUG00001',
        title: 'Ceramic Mug 350ml',
      });
    });

    it('reads a reversal: negative quantities and amounts, naming the original', () => {
      const { rows } = readTsv(reimbursementsFormat, sample('reimbursements.tsv'));
      const reversal = rows.find((row) => row.line === 3)!;
      expect(reversal.values).toMatchObject({
        reimbursementId: '5000002',
        reason: 'Reimbursement_Reversal',
        amountPerUnit: '-12.99',
        amountTotal: '-12.99',
        quantityCash: -1,
        quantityInventory: 0,
        quantityTotal: -1,
        originalReimbursementId: '5000001',
        originalReimbursementType: 'Lost_Warehouse',
      });
    });

    it('reads the case id of a reimbursement the seller asked for', () => {
      const { rows } = readTsv(reimbursementsFormat, sample('reimbursements-after-case.tsv'));
      expect(rows.map((row) => row.values.caseId)).toEqual(['1234567890', undefined]);
    });

    it('reads EU amounts with a decimal comma, and a currency in lower case', () => {
      const { row } = readOne({ 'amount-per-unit': '12,99', 'amount-total': '1.234,50', 'currency-unit': 'eur' });
      expect(row?.values.amountPerUnit).toBe('12.99');
      expect(row?.values.amountTotal).toBe('1234.5');
      expect(row?.values.currency).toBe('EUR');
    });
  });

  describe('reimbursement lines: units are quantity-reimbursed-total (cash + inventory)', () => {
    it('takes the total column when the file has it', () => {
      const { row } = readOne({
        'quantity-reimbursed-cash': '1',
        'quantity-reimbursed-inventory': '2',
        'quantity-reimbursed-total': '3',
      });
      expect(row?.values.quantityTotal).toBe(3);
    });

    it('falls back to cash + inventory when the total column is absent', () => {
      const header = HEADER.filter((name) => name !== 'quantity-reimbursed-total');
      const { row, problems } = readOne(
        { 'quantity-reimbursed-cash': '1', 'quantity-reimbursed-inventory': '2' },
        header,
      );
      expect(problems).toEqual([]);
      expect(row?.values.quantityTotal).toBe(3);
      expect(row?.identity[3]).toBe(3);
    });

    it('falls back to cash + inventory when the total field is empty', () => {
      const { row } = readOne({
        'quantity-reimbursed-cash': '-1',
        'quantity-reimbursed-inventory': '',
        'quantity-reimbursed-total': '',
      });
      expect(row?.values.quantityTotal).toBe(-1);
    });

    it('reports a line with no quantity at all', () => {
      const { row, problems } = readOne({
        'quantity-reimbursed-cash': '',
        'quantity-reimbursed-inventory': '',
        'quantity-reimbursed-total': '',
      });
      expect(row).toBeUndefined();
      expect(problems).toEqual([
        { line: 2, column: 'quantity-reimbursed-total', message: 'quantity-reimbursed-total is empty' },
      ]);
    });

    it('reports a total that is not a whole number, without falling back', () => {
      const { row, problems } = readOne({ 'quantity-reimbursed-total': '1.5' });
      expect(row).toBeUndefined();
      expect(problems).toEqual([
        { line: 2, column: 'quantity-reimbursed-total', message: '"1.5" is not a whole number' },
      ]);
    });
  });

  describe('reimbursement lines: identity is (reimbursement-id, sku, reason, total, amount-total, approval-date)', () => {
    const base = readOne({}).row!;

    it.each(['Lost_Warehouse', 'Lost_warehouse', 'LOST-WAREHOUSE', 'lost warehouse', 'LostWarehouse'])(
      'reason %j has the same identity as Lost_Warehouse',
      (reason) => {
        const { row } = readOne({ reason });
        expect(row?.values.reason).toBe(reason);
        expect(row?.identity).toEqual(base.identity);
      },
    );

    it('gives the same identity to the same amount and instant written differently', () => {
      const { row } = readOne({
        'amount-total': '12,99',
        'amount-per-unit': '12,99',
        'approval-date': '2025-05-15 08:00:00 UTC',
      });
      expect(row?.identity).toEqual(base.identity);
    });

    it('ignores the columns that are not part of the identity', () => {
      const { row } = readOne({
        'product-name': 'Another title',
        condition: 'Used',
        'amount-per-unit': '13.00',
        'quantity-reimbursed-cash': '0',
        'quantity-reimbursed-inventory': '1',
      });
      expect(row?.identity).toEqual(base.identity);
    });

    it.each([
      ['reimbursement-id', '5000009'],
      ['sku', 'SKU-OTHER'],
      ['reason', 'Damaged_Warehouse'],
      ['quantity-reimbursed-total', '2'],
      ['amount-total', '12.98'],
      ['approval-date', '2025-05-15T08:00:01+00:00'],
    ])('gives another identity when %s changes', (column, value) => {
      expect(readOne({ [column]: value }).row?.identity).not.toEqual(base.identity);
    });
  });

  describe('reimbursement lines: bad fields are reported', () => {
    it('reports an unreadable approval date, an empty id and a bad amount on the line', () => {
      const { row, problems } = readOne({
        'approval-date': '2025-02-30T08:00:00+00:00',
        'reimbursement-id': '',
        'amount-total': 'x',
      });
      expect(row).toBeUndefined();
      expect(problems).toEqual(
        expect.arrayContaining([
          { line: 2, column: 'approval-date', message: '"2025-02-30T08:00:00+00:00" is not a date and time' },
          { line: 2, column: 'reimbursement-id', message: 'reimbursement-id is empty' },
          { line: 2, column: 'amount-total', message: '"x" is not a number' },
        ]),
      );
      expect(problems).toHaveLength(3);
    });
  });
});

// docs/rules.md section 2: a reimbursement line's type comes from its reason, compared in lower case with every character
// that is not a letter or digit removed.
describe('reimbursement-types (docs/rules.md section 2)', () => {
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

  describe('typeOfReason: the table of docs/rules.md section 2', () => {
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
      ['Removal_Order_Lost', 'REMOVAL'],
      ['Removal_Order_Damaged', 'REMOVAL'],
    ] as const)('%s pays %s', (reason, type) => {
      expect(typeOfReason(reason)).toBe(type);
    });

    it('types no reversal: a reversal takes the type of its original line', () => {
      expect(typeOfReason('Reimbursement_Reversal')).toBeUndefined();
    });

    it.each(['Fee_Correction', 'Lost_Outbound', 'Lost', 'Warehouse', 'LostWarehouses', 'Compensated_Clawback', ''])(
      'ignores the reason %j',
      (reason) => {
        expect(typeOfReason(reason)).toBeUndefined();
      },
    );

    // A reason spelled like an Object member must not find it: docs/rules.md section 2, "anything else: ignored".
    it.each(['Constructor', 'CONSTRUCTOR', 'con_structor'])(
      'ignores the reason %j, spelled like an Object member',
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
});

// docs/reports.md section 3: FBA customer returns.
describe('customerReturnsFormat (docs/reports.md section 3)', () => {
  const HEADER = sampleHeader('customer-returns.tsv');

  function readOne(overrides: Record<string, string>, header: readonly string[] = HEADER) {
    const { rows, problems } = readTsv(
      customerReturnsFormat,
      tsv(header, { ...sampleRow('customer-returns.tsv', 2), ...overrides }),
    );
    return { row: rows[0], problems };
  }

  describe('customer returns: values of the sample file', () => {
    it('reads the return of customer-returns.tsv', () => {
      const { rows, problems } = readTsv(customerReturnsFormat, sample('customer-returns.tsv'));
      expect(problems).toEqual([]);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.values).toEqual({
        returnDate: new Date('2025-04-02T14:11:00.000Z'),
        orderId: '111-0000002-0000002',
        sku: 'SKU-CAP-04',
        asin: 'B0CAP00004',
        fnsku: 'X00CAP0004',
        productName: 'Baseball Cap Navy',
        quantity: 1,
        fulfillmentCenterId: 'PHX7',
        detailedDisposition: 'SELLABLE',
        reason: 'NOT_AS_DESCRIBED',
        status: 'Unit returned to inventory',
        licensePlateNumber: 'LPNRR000000001',
        customerComments: 'too small',
      });
      expect(rows[0]?.identity).toEqual([
        '2025-04-02T14:11:00.000Z',
        '111-0000002-0000002',
        'SKU-CAP-04',
        'X00CAP0004',
        1,
        'PHX7',
        'SELLABLE',
        'NOT_AS_DESCRIBED',
        'Unit returned to inventory',
        'LPNRR000000001',
      ]);
      expect(rows[0]?.product).toEqual({
        sku: 'SKU-CAP-04',
        fnsku: 'X00CAP0004',
        asin: 'B0CAP00004',
        title: 'Baseball Cap Navy',
      });
    });
  });

  describe('customer returns: Seller Central calls the order column amazon-order-id', () => {
    it('reads the order id from amazon-order-id', () => {
      const header = HEADER.map((name) => (name === 'order-id' ? 'amazon-order-id' : name));
      const { row, problems } = readOne({ 'amazon-order-id': '111-0000002-0000002' }, header);
      expect(problems).toEqual([]);
      expect(row?.values.orderId).toBe('111-0000002-0000002');
    });

    it('reports an empty order id under the name the file uses', () => {
      const header = HEADER.map((name) => (name === 'order-id' ? 'amazon-order-id' : name));
      const { row, problems } = readOne({ 'amazon-order-id': '' }, header);
      expect(row).toBeUndefined();
      expect(problems).toEqual([{ line: 2, column: 'amazon-order-id', message: 'amazon-order-id is empty' }]);
    });
  });

  describe('customer returns: identity', () => {
    const base = readOne({}).row!;

    it('ignores customer comments and the product name', () => {
      expect(readOne({ 'customer-comments': 'changed', 'product-name': 'Cap' }).row?.identity).toEqual(base.identity);
    });

    it.each([
      ['return-date', '2025-04-02T14:12:00+00:00'],
      ['order-id', '111-0000009-0000009'],
      ['quantity', '2'],
      ['detailed-disposition', 'CUSTOMER_DAMAGED'],
      ['license-plate-number', 'LPNRR000000002'],
    ])('changes with %s', (column, value) => {
      expect(readOne({ [column]: value }).row?.identity).not.toEqual(base.identity);
    });
  });

  describe('customer returns: bad fields are reported', () => {
    it('reports an unreadable date and a fractional quantity', () => {
      const { row, problems } = readOne({ 'return-date': 'soon', quantity: '1,5' });
      expect(row).toBeUndefined();
      expect(problems).toEqual([
        { line: 2, column: 'return-date', message: '"soon" is not a date and time' },
        { line: 2, column: 'quantity', message: '"1,5" is not a whole number' },
      ]);
    });
  });
});

// docs/reports.md section 4: the settlement report, flat file V2.
describe('settlementFormat (docs/reports.md section 4)', () => {
  const HEADER = sampleHeader('settlement.tsv');
  const SUMMARY = sampleRow('settlement.tsv', 2);
  const ORDER = sampleRow('settlement.tsv', 5);
  const REFUND = sampleRow('settlement.tsv', 8);

  describe('settlement rows: values of the sample file', () => {
    const { rows, problems } = readTsv(settlementFormat, sample('settlement.tsv'));

    it('reads every row of settlement.tsv', () => {
      expect(problems).toEqual([]);
      expect(rows).toHaveLength(10);
    });

    it('reads the summary row of the settlement: no transaction type, its dates, total and currency', () => {
      const summary = rows.find((row) => row.line === 2)!;
      expect(summary.values).toMatchObject({
        settlementId: '12345678901',
        settlementStartDate: new Date('2025-01-01T00:00:00.000Z'),
        settlementEndDate: new Date('2025-06-14T00:00:00.000Z'),
        depositDate: new Date('2025-06-16T00:00:00.000Z'),
        totalAmount: '1234.56',
        currency: 'USD',
        transactionType: undefined,
        postedDate: undefined,
        sku: undefined,
      });
      expect(summary.product).toBeUndefined();
    });

    it('reads a sale (line 5: 25.98 for 2 units of SKU-MUG-01 on 2025-06-03)', () => {
      const sale = rows.find((row) => row.line === 5)!;
      expect(sale.values).toEqual({
        settlementId: '12345678901',
        settlementStartDate: undefined,
        settlementEndDate: undefined,
        depositDate: undefined,
        totalAmount: undefined,
        currency: 'USD',
        transactionType: 'Order',
        orderId: '111-0000010-0000010',
        merchantOrderId: undefined,
        adjustmentId: undefined,
        shipmentId: undefined,
        marketplaceName: 'Amazon.com',
        amountType: 'ItemPrice',
        amountDescription: 'Principal',
        amount: '25.98',
        fulfillmentId: 'AFN',
        postedDate: new Date('2025-06-03T12:00:00.000Z'),
        orderItemCode: '00000000000001',
        merchantOrderItemId: undefined,
        merchantAdjustmentItemId: undefined,
        sku: 'SKU-MUG-01',
        quantityPurchased: 2,
      });
      expect(sale.product).toEqual({ sku: 'SKU-MUG-01' });
    });

    it('reads a refund row without quantity-purchased: negative amount, no quantity', () => {
      const refund = rows.find((row) => row.line === 8)!;
      expect(refund.values).toMatchObject({
        transactionType: 'Refund',
        orderId: '111-0000001-0000001',
        amountType: 'ItemPrice',
        amountDescription: 'Principal',
        amount: '-19.99',
        currency: 'USD',
        postedDate: new Date('2025-03-20T12:00:00.000Z'),
        sku: 'SKU-CAP-04',
        quantityPurchased: undefined,
      });
    });

    it('keeps the Tax row of a refund apart from its Principal row', () => {
      const tax = rows.find((row) => row.line === 11)!;
      const principal = rows.find((row) => row.line === 10)!;
      expect(tax.values.amountDescription).toBe('Tax');
      expect(tax.values.amount).toBe('-1.6');
      expect(tax.identity).not.toEqual(principal.identity);
    });
  });

  describe('settlement rows: the summary row gives its currency to the rows of its settlement', () => {
    it('gives the currency of each settlement to its own rows only', () => {
      const text = tsv(
        HEADER,
        SUMMARY,
        ORDER,
        { ...SUMMARY, 'settlement-id': '222', currency: 'eur', 'total-amount': '10.50' },
        { ...ORDER, 'settlement-id': '222' },
        { ...ORDER, 'settlement-id': '12345678901', 'order-id': '111-0000099-0000099' },
        { ...ORDER, 'settlement-id': '333' },
      );
      const { rows, problems } = readTsv(settlementFormat, text);
      expect(problems).toEqual([]);
      expect(rows.map((row) => [row.values.settlementId, row.values.currency])).toEqual([
        ['12345678901', 'USD'],
        ['12345678901', 'USD'],
        ['222', 'EUR'],
        ['222', 'EUR'],
        ['12345678901', 'USD'],
        ['333', undefined],
      ]);
      expect(rows[2]?.values.totalAmount).toBe('10.5');
    });

    it('keeps the currency a data row names itself', () => {
      const { rows } = readTsv(settlementFormat, tsv(HEADER, SUMMARY, { ...ORDER, currency: 'CAD' }));
      expect(rows[1]?.values.currency).toBe('CAD');
    });

    it('starts every file afresh: a new reader knows no currency', () => {
      readTsv(settlementFormat, tsv(HEADER, SUMMARY, ORDER));
      const { rows } = readTsv(settlementFormat, tsv(HEADER, ORDER));
      expect(rows[0]?.values.currency).toBeUndefined();
    });

    it('gives the same identity to a data row with or without the summary row before it', () => {
      const withSummary = readTsv(settlementFormat, tsv(HEADER, SUMMARY, ORDER)).rows[1]!;
      const alone = readTsv(settlementFormat, tsv(HEADER, ORDER)).rows[0]!;
      expect(withSummary.identity).toEqual(alone.identity);
    });
  });

  describe('settlement rows: posting date', () => {
    it('takes posted-date when posted-date-time is empty', () => {
      const { rows, problems } = readTsv(
        settlementFormat,
        tsv(HEADER, { ...REFUND, 'posted-date': '2025-03-20', 'posted-date-time': '' }),
      );
      expect(problems).toEqual([]);
      expect(rows[0]?.values.postedDate).toEqual(new Date('2025-03-20T00:00:00.000Z'));
    });

    it('reports a data row with no posting date at all', () => {
      const { rows, problems } = readTsv(
        settlementFormat,
        tsv(HEADER, { ...REFUND, 'posted-date': '', 'posted-date-time': '' }),
      );
      expect(rows).toEqual([]);
      expect(problems).toEqual([{ line: 2, column: 'posted-date', message: 'posted-date is empty' }]);
    });

    it('reports an unreadable amount and quantity', () => {
      const { rows, problems } = readTsv(
        settlementFormat,
        tsv(HEADER, { ...ORDER, amount: '25.98.1', 'quantity-purchased': '1.5' }),
      );
      expect(rows).toEqual([]);
      expect(problems).toEqual([
        { line: 2, column: 'amount', message: '"25.98.1" is not a number' },
        { line: 2, column: 'quantity-purchased', message: '"1.5" is not a whole number' },
      ]);
    });
  });

  describe('settlement rows: EU files', () => {
    it('reads a decimal comma in amounts', () => {
      const { rows } = readTsv(settlementFormat, tsv(HEADER, { ...ORDER, amount: '-19,99' }));
      expect(rows[0]?.values.amount).toBe('-19.99');
    });
  });
});

// docs/reports.md section 5: inbound shipments, as Reclaim's tab-separated file and as the SP-API getShipments and
// getShipmentItems JSON bodies.
describe('inboundShipmentsFormat and readInboundShipmentsJson (docs/reports.md section 5)', () => {
  const HEADER = sampleHeader('inbound-shipments.tsv');

  function readOne(overrides: Record<string, string>, header: readonly string[] = HEADER) {
    const { rows, problems } = readTsv(
      inboundShipmentsFormat,
      tsv(header, { ...sampleRow('inbound-shipments.tsv', 2), ...overrides }),
    );
    return { row: rows[0], problems };
  }

  describe('inbound shipments file: values of the sample file', () => {
    it('reads both shipment items of inbound-shipments.tsv', () => {
      const { rows, problems } = readTsv(inboundShipmentsFormat, sample('inbound-shipments.tsv'));
      expect(problems).toEqual([]);
      expect(rows.map((row) => row.values)).toEqual([
        {
          shipmentId: 'FBA15ABCDE1',
          name: 'Spring restock',
          status: 'CLOSED',
          destinationFulfillmentCenterId: 'ONT8',
          closedDate: '2025-05-10',
          item: { sku: 'SKU-BAG-03', fnsku: 'X00BAG0003', quantityShipped: 24, quantityReceived: 20 },
        },
        {
          shipmentId: 'FBA15ABCDE2',
          name: 'June restock',
          status: 'RECEIVING',
          destinationFulfillmentCenterId: 'ONT8',
          closedDate: undefined,
          item: { sku: 'SKU-BAG-03', fnsku: 'X00BAG0003', quantityShipped: 12, quantityReceived: 6 },
        },
      ]);
      expect(rows.map((row) => row.identity)).toEqual([
        ['FBA15ABCDE1', 'SKU-BAG-03'],
        ['FBA15ABCDE2', 'SKU-BAG-03'],
      ]);
      expect(rows[0]?.product).toEqual({ sku: 'SKU-BAG-03', fnsku: 'X00BAG0003' });
    });
  });

  describe('inbound shipments file: statuses are validated', () => {
    it.each(SHIPMENT_STATUSES)('accepts %s', (status) => {
      expect(readOne({ ShipmentStatus: status }).row?.values.status).toBe(status);
    });

    it.each([
      ['closed', 'CLOSED'],
      ['In Transit', 'IN_TRANSIT'],
      ['checked-in', 'CHECKED_IN'],
    ])('reads %j as %s', (text, status) => {
      expect(readOne({ ShipmentStatus: text }).row?.values.status).toBe(status);
    });

    it('reports a status that is not one of docs/reports.md', () => {
      const { row, problems } = readOne({ ShipmentStatus: 'LOST_IN_SPACE' });
      expect(row).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 2, column: 'ShipmentStatus' });
      expect(problems[0]?.message).toContain('"LOST_IN_SPACE" is not a shipment status');
    });

    it('reports an empty status', () => {
      const { row, problems } = readOne({ ShipmentStatus: '' });
      expect(row).toBeUndefined();
      expect(problems).toEqual([{ line: 2, column: 'ShipmentStatus', message: 'ShipmentStatus is empty' }]);
    });
  });

  describe('inbound shipments file: quantities and the closed date', () => {
    it('refuses a negative quantity', () => {
      const { row, problems } = readOne({ QuantityReceived: '-1' });
      expect(row).toBeUndefined();
      expect(problems).toEqual([{ line: 2, column: 'QuantityReceived', message: 'a quantity cannot be negative' }]);
    });

    it('reports an unreadable closed date', () => {
      const { row, problems } = readOne({ ClosedDate: '2025-02-30' });
      expect(row).toBeUndefined();
      expect(problems).toEqual([{ line: 2, column: 'ClosedDate', message: '"2025-02-30" is not a date' }]);
    });

    it('reads a file without the optional ClosedDate column', () => {
      const { row, problems } = readOne(
        {},
        HEADER.filter((name) => name !== 'ClosedDate'),
      );
      expect(problems).toEqual([]);
      expect(row?.values.closedDate).toBeUndefined();
    });

    it('reads the spaced column names', () => {
      const header = ['Shipment ID', 'Shipment Status', 'Seller SKU', 'Units Shipped', 'Units Received', 'Closed Date'];
      const { rows, problems } = readTsv(
        inboundShipmentsFormat,
        `${header.join('\t')}\nFBA1\tclosed\tSKU-1\t5\t3\t2025-05-10\n`,
      );
      expect(problems).toEqual([]);
      expect(rows[0]?.values).toMatchObject({
        shipmentId: 'FBA1',
        status: 'CLOSED',
        closedDate: '2025-05-10',
        item: { sku: 'SKU-1', quantityShipped: 5, quantityReceived: 3 },
      });
    });
  });

  const SHIPMENTS_BODY = {
    payload: {
      ShipmentData: [
        {
          ShipmentId: 'FBA15ABCDE1',
          ShipmentName: 'Spring restock',
          ShipFromAddress: { Name: 'Seller', AddressLine1: '1 Main St', City: 'Phoenix', CountryCode: 'US' },
          DestinationFulfillmentCenterId: 'ONT8',
          ShipmentStatus: 'CLOSED',
          LabelPrepType: 'SELLER_LABEL',
          AreCasesRequired: false,
        },
        { ShipmentId: 'FBA15ABCDE2', ShipmentName: 'June restock', ShipmentStatus: 'RECEIVING' },
      ],
      NextToken: 'abc',
    },
  };

  const ITEMS_BODY = {
    payload: {
      ItemData: [
        {
          ShipmentId: 'FBA15ABCDE1',
          SellerSKU: 'SKU-BAG-03',
          FulfillmentNetworkSKU: 'X00BAG0003',
          QuantityShipped: 24,
          QuantityReceived: 20,
          QuantityInCase: 0,
        },
      ],
    },
  };

  describe('inbound shipments JSON: getShipments and getShipmentItems bodies', () => {
    it('recognises JSON by its first character, after a BOM and spaces', () => {
      expect(looksLikeJson('{"payload":{}}')).toBe(true);
      expect(looksLikeJson('\uFEFF  \n[{}]')).toBe(true);
      expect(looksLikeJson('ShipmentId\tShipmentStatus')).toBe(false);
    });

    it('reads the shipments of a getShipments body', () => {
      const { rows, problems } = readInboundShipmentsJson(JSON.stringify(SHIPMENTS_BODY));
      expect(problems).toEqual([]);
      expect(rows.map((row) => row.values)).toEqual([
        {
          shipmentId: 'FBA15ABCDE1',
          name: 'Spring restock',
          status: 'CLOSED',
          destinationFulfillmentCenterId: 'ONT8',
        },
        {
          shipmentId: 'FBA15ABCDE2',
          name: 'June restock',
          status: 'RECEIVING',
          destinationFulfillmentCenterId: undefined,
        },
      ]);
      expect(rows[0]?.identity).toEqual(['FBA15ABCDE1', undefined]);
      expect(rows[0]?.product).toBeUndefined();
    });

    it('reads the items of a getShipmentItems body', () => {
      const { rows, problems } = readInboundShipmentsJson(JSON.stringify(ITEMS_BODY));
      expect(problems).toEqual([]);
      expect(rows).toEqual([
        {
          values: {
            shipmentId: 'FBA15ABCDE1',
            item: { sku: 'SKU-BAG-03', fnsku: 'X00BAG0003', quantityShipped: 24, quantityReceived: 20 },
          },
          identity: ['FBA15ABCDE1', 'SKU-BAG-03'],
          product: { sku: 'SKU-BAG-03', fnsku: 'X00BAG0003' },
        },
      ]);
    });

    it('reads a body without its payload wrapper', () => {
      const { rows, problems } = readInboundShipmentsJson(JSON.stringify(ITEMS_BODY.payload));
      expect(problems).toEqual([]);
      expect(rows.map((row) => row.identity)).toEqual([['FBA15ABCDE1', 'SKU-BAG-03']]);
      const shipments = readInboundShipmentsJson(JSON.stringify(SHIPMENTS_BODY.payload));
      expect(shipments.rows).toHaveLength(2);
    });

    it('reads an array of bodies, one per page, and a BOM before it', () => {
      const { rows, problems } = readInboundShipmentsJson(`\uFEFF${JSON.stringify([SHIPMENTS_BODY, ITEMS_BODY])}`);
      expect(problems).toEqual([]);
      expect(rows.map((row) => row.identity)).toEqual([
        ['FBA15ABCDE1', undefined],
        ['FBA15ABCDE2', undefined],
        ['FBA15ABCDE1', 'SKU-BAG-03'],
      ]);
    });

    it('reads the status of a shipment as docs/reports.md spells it', () => {
      const body = { payload: { ShipmentData: [{ ShipmentId: 'FBA1', ShipmentStatus: 'in_transit' }] } };
      expect(readInboundShipmentsJson(JSON.stringify(body)).rows[0]?.values.status).toBe('IN_TRANSIT');
    });
  });

  describe("inbound shipments JSON: only what Amazon's model requires is required (SellerSKU, QuantityShipped)", () => {
    const item = { SellerSKU: 'SKU-BAG-03', QuantityShipped: 24 };

    it('counts a missing QuantityReceived as 0 received, and keeps a shipment without ShipmentStatus', () => {
      const body = [
        { payload: { ShipmentData: [{ ShipmentId: 'FBA1' }] } },
        { payload: { ItemData: [{ ...item, ShipmentId: 'FBA1' }] } },
      ];
      const { rows, problems } = readInboundShipmentsJson(JSON.stringify(body));
      expect(problems).toEqual([]);
      expect(rows.map((row) => row.values)).toEqual([
        { shipmentId: 'FBA1', name: undefined, status: undefined, destinationFulfillmentCenterId: undefined },
        { shipmentId: 'FBA1', item: { sku: 'SKU-BAG-03', fnsku: undefined, quantityShipped: 24, quantityReceived: 0 } },
      ]);
    });

    it('gives items without ShipmentId the shipment of their getShipments entry, or the one given with the upload', () => {
      const beside = [
        { payload: { ShipmentData: [{ ShipmentId: 'FBA1', ShipmentStatus: 'CLOSED' }] } },
        { ItemData: [item] },
      ];
      const read = readInboundShipmentsJson(JSON.stringify(beside));
      expect(read.problems).toEqual([]);
      expect(read.rows.map((row) => row.identity)).toEqual([
        ['FBA1', undefined],
        ['FBA1', 'SKU-BAG-03'],
      ]);
      const given = readInboundShipmentsJson(JSON.stringify({ payload: { ItemData: [item] } }), { shipmentId: 'FBA9' });
      expect(given.problems).toEqual([]);
      expect(given.rows.map((row) => row.identity)).toEqual([['FBA9', 'SKU-BAG-03']]);
    });

    it('refuses items without ShipmentId when the shipment cannot be known, saying exactly that', () => {
      const alone = readInboundShipmentsJson(JSON.stringify({ payload: { ItemData: [item] } }));
      expect(alone.rows).toEqual([]);
      expect(alone.problems).toEqual([
        {
          line: 1,
          column: 'payload.ItemData[0].ShipmentId',
          message:
            'ShipmentId is missing and nothing in the file names the shipment: give the shipment id with the upload (shipmentId, or --shipment-id), or put its getShipments body in the same file',
        },
      ]);
      const two = { ItemData: [item, { ...item, ShipmentId: 'FBA1' }, { ...item, ShipmentId: 'FBA2' }] };
      const several = readInboundShipmentsJson(JSON.stringify(two));
      expect(several.problems.map((problem) => [problem.column, problem.message])).toEqual([
        [
          'ItemData[0].ShipmentId',
          'ShipmentId is missing and the file holds 2 shipments (FBA1, FBA2): an item that does not name its shipment can only be read in a file of one shipment',
        ],
      ]);
      const other = readInboundShipmentsJson(JSON.stringify(two), { shipmentId: 'FBA1' });
      expect(other.problems.map((problem) => [problem.column, problem.message])).toEqual([
        ['ItemData[2].ShipmentId', 'ShipmentId "FBA2" is not the shipment given with the upload (FBA1)'],
      ]);
    });
  });

  describe('inbound shipments JSON: problems name the JSON path of the value, on line 1', () => {
    it('refuses an SP-API error body', () => {
      const body = { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }] };
      const { rows, problems } = readInboundShipmentsJson(JSON.stringify(body));
      expect(rows).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 1, column: 'errors' });
      expect(problems[0]?.message).toContain('SP-API error');
      expect(problems[0]?.message).toContain('Unauthorized');
    });

    it('reports each missing or bad field of an item with its path', () => {
      const body = {
        payload: { ItemData: [ITEMS_BODY.payload.ItemData[0], { ShipmentId: 'FBA1', QuantityShipped: 2.5 }] },
      };
      const { rows, problems } = readInboundShipmentsJson(JSON.stringify(body));
      expect(rows).toHaveLength(1);
      // QuantityReceived is optional in Amazon's model (a missing one counts 0 received).
      expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
        [1, 'payload.ItemData[1].SellerSKU'],
        [1, 'payload.ItemData[1].QuantityShipped'],
      ]);
      expect(problems[0]?.message).toBe('SellerSKU is missing');
      expect(problems[1]?.message).toContain('2.5');
    });

    it('reports a shipment without an id and one with an unknown status', () => {
      const body = { ShipmentData: [{ ShipmentStatus: 'CLOSED' }, { ShipmentId: 'FBA2', ShipmentStatus: 'GONE' }] };
      const { rows, problems } = readInboundShipmentsJson(JSON.stringify(body));
      expect(rows).toEqual([]);
      expect(problems.map((problem) => problem.column).sort()).toEqual([
        'ShipmentData[0].ShipmentId',
        'ShipmentData[1].ShipmentStatus',
      ]);
      expect(problems.find((problem) => problem.column === 'ShipmentData[1].ShipmentStatus')?.message).toContain(
        '"GONE" is not a shipment status',
      );
    });

    it('refuses a negative quantity', () => {
      const body = { payload: { ItemData: [{ ...ITEMS_BODY.payload.ItemData[0], QuantityReceived: -1 }] } };
      const { rows, problems } = readInboundShipmentsJson(JSON.stringify(body));
      expect(rows).toEqual([]);
      expect(problems.map((problem) => problem.column)).toEqual(['payload.ItemData[0].QuantityReceived']);
    });

    it('names the page of an array of bodies in the path', () => {
      const broken = { payload: { ItemData: [{ ShipmentId: 'FBA1', QuantityShipped: 1, QuantityReceived: 1 }] } };
      const { problems } = readInboundShipmentsJson(JSON.stringify([ITEMS_BODY, broken]));
      expect(problems).toHaveLength(1);
      expect(problems[0]?.line).toBe(1);
      // The page index comes first; whether a dot follows it is a matter of style.
      expect(problems[0]?.column).toMatch(/^\[1\]\.?payload\.ItemData\[0\]\.SellerSKU$/);
    });

    it('refuses a body that is neither getShipments nor getShipmentItems', () => {
      const { rows, problems } = readInboundShipmentsJson(JSON.stringify({ payload: { Other: [] } }));
      expect(rows).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.line).toBe(1);
      expect(problems[0]?.message).toContain('ShipmentData');
    });

    it('refuses a page that is not an object and an item that is not an object', () => {
      const { problems } = readInboundShipmentsJson(JSON.stringify([5, { ItemData: ['x'] }]));
      expect(problems.map((problem) => problem.line)).toEqual([1, 1]);
      expect(problems[0]?.column).toBe('[0]');
      expect(problems[1]?.column).toMatch(/^\[1\]\.?ItemData\[0\]$/);
    });

    it('refuses text that is not JSON', () => {
      const { rows, problems } = readInboundShipmentsJson('{"payload": ');
      expect(rows).toEqual([]);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.line).toBe(1);
      expect(problems[0]?.message).toContain('not valid JSON');
    });
  });
});

// docs/reports.md section 6: product costs (Reclaim's own file), and docs/rules.md section 6 (a costs file: sku, cost, currency).
describe('productCostsFormat (docs/reports.md section 6)', () => {
  function readLine(line: string, header = 'sku\tcost\tcurrency') {
    const { rows, problems } = readTsv(productCostsFormat, `${header}\n${line}\n`);
    return { row: rows[0], problems };
  }

  describe('product costs: values of the sample file', () => {
    it('reads every cost of product-costs.tsv', () => {
      const { rows, problems } = readTsv(productCostsFormat, sample('product-costs.tsv'));
      expect(problems).toEqual([]);
      expect(rows.map((row) => row.values)).toEqual([
        { sku: 'SKU-LAMP-02', cost: '22.5', currency: 'USD', title: undefined },
        { sku: 'SKU-PEN-05', cost: '3', currency: 'USD', title: undefined },
        { sku: 'SKU-MUG-01', cost: '5.1', currency: 'USD', title: undefined },
      ]);
      expect(rows.map((row) => row.identity)).toEqual([['SKU-LAMP-02'], ['SKU-PEN-05'], ['SKU-MUG-01']]);
      expect(rows[0]?.product).toEqual({ sku: 'SKU-LAMP-02', title: undefined });
    });

    it('reads the optional title, a decimal comma and a currency in lower case', () => {
      const { row, problems } = readLine('SKU-1\t4,10\teur\tMug', 'SKU\tCost\tCurrency\tTitle');
      expect(problems).toEqual([]);
      expect(row?.values).toEqual({ sku: 'SKU-1', cost: '4.1', currency: 'EUR', title: 'Mug' });
      expect(row?.product).toEqual({ sku: 'SKU-1', title: 'Mug' });
    });

    it.each([
      'Manufacturing cost\tCurrency code\tSKU',
      'COGS\tcurrency\tseller-sku',
      'Cost per unit\tCurrency\tMSKU',
      'product_cost\tcurrency\tsku',
    ])('reads the cost and currency columns under the names sheets give them: %j', (header) => {
      const { row, problems } = readLine('4.10\tUSD\tSKU-1', header);
      expect(problems).toEqual([]);
      expect(row?.values).toMatchObject({ sku: 'SKU-1', cost: '4.1', currency: 'USD' });
    });

    it('accepts a cost of zero', () => {
      expect(readLine('SKU-1\t0\tUSD').row?.values.cost).toBe('0');
      expect(readLine('SKU-1\t-0\tUSD').row?.values.cost).toBe('0');
    });

    it('makes the SKU the identity: a second cost for a SKU is the same row', () => {
      expect(readLine('SKU-1\t5\tUSD').row?.identity).toEqual(readLine('SKU-1\t6\tEUR').row?.identity);
    });
  });

  describe('product costs: a negative cost and a bad currency code are refused', () => {
    it('refuses a negative cost', () => {
      const { row, problems } = readLine('SKU-1\t-5.00\tUSD');
      expect(row).toBeUndefined();
      expect(problems).toEqual([{ line: 2, column: 'cost', message: 'a cost cannot be negative' }]);
    });

    it.each(['US', 'USDX', 'US$', '$', '840'])('refuses the currency %j', (currency) => {
      const { row, problems } = readLine(`SKU-1\t5\t${currency}`);
      expect(row).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 2, column: 'currency' });
      expect(problems[0]?.message).toContain('is not an ISO 4217 currency code');
    });

    it('reports an empty currency, cost and SKU', () => {
      const { row, problems } = readLine('\t\t');
      expect(row).toBeUndefined();
      expect(problems).toEqual([
        { line: 2, column: 'cost', message: 'cost is empty' },
        { line: 2, column: 'currency', message: 'currency is empty' },
        { line: 2, column: 'sku', message: 'sku is empty' },
      ]);
    });

    it('reports a cost that is not a number', () => {
      const { problems } = readLine('SKU-1\tfive\tUSD');
      expect(problems).toEqual([{ line: 2, column: 'cost', message: '"five" is not a number' }]);
    });
  });

  // What Excel writes to CSV for a cell formatted as currency: the number as it shows it, its sign beside it.
  describe('product costs: a currency sign or code beside the cost', () => {
    it.each([
      ['$5.10', 'USD', '5.1'],
      ['5.10 USD', 'USD', '5.1'],
      ['USD 7', 'usd', '7'],
      ['US$ 7.25', 'USD', '7.25'],
      ['C$12', 'CAD', '12'],
      ['5,10\u00a0€', 'EUR', '5.1'],
      ['€3,20', 'EUR', '3.2'],
      ['£4.99', 'GBP', '4.99'],
      ['¥510', 'JPY', '510'],
      ['R$ 12,50', 'BRL', '12.5'],
      ['49,00 kr', 'SEK', '49'],
      ['12,00 zł', 'PLN', '12'],
    ])('reads %j in %s as %s', (cost, currency, expected) => {
      const { row, problems } = readLine(`SKU-1\t${cost}\t${currency}`);
      expect(problems).toEqual([]);
      expect(row?.values).toMatchObject({ cost: expected, currency: currency.toUpperCase() });
    });

    it("refuses a sign or code of another currency than the row's", () => {
      expect(readLine('SKU-1\t$5.10\tEUR').problems).toEqual([
        {
          line: 2,
          column: 'cost',
          message: '"$5.10" is a cost in USD or CAD or MXN or AUD or SGD or NZD, but the row\'s currency is EUR',
        },
      ]);
      expect(readLine('SKU-1\t5.10 GBP\tUSD').problems).toEqual([
        { line: 2, column: 'cost', message: '"5.10 GBP" is a cost in GBP, but the row\'s currency is USD' },
      ]);
    });

    it('refuses what is no currency sign, saying how to write the cost', () => {
      expect(readLine('SKU-1\tca. 5\tUSD').problems).toEqual([
        {
          line: 2,
          column: 'cost',
          message: '"ca. 5" is not a number: write the cost as a number, its currency in the currency column',
        },
      ]);
    });

    it('refuses a negative cost with its sign', () => {
      expect(readLine('SKU-1\t-$5.10\tUSD').problems).toEqual([
        { line: 2, column: 'cost', message: 'a cost cannot be negative' },
      ]);
    });
  });
});
