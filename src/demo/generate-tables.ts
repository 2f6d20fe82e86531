// The world's ledger rows and refunded orders, stored by column. With tens of thousands of products they are hundreds
// of thousands of records: as objects they would take most of the memory the generator may use (and, living long,
// raise the heap size the garbage collector lets grow while the ledger is written); as typed arrays, a fraction.
import type { CustomerReturn, LedgerEntry, LedgerEventType, RefundedOrder } from './generate-world-types.js';

type NumberColumn = Int32Array | Int16Array | Uint8Array;
type NumberColumnType = Int32ArrayConstructor | Int16ArrayConstructor | Uint8ArrayConstructor;

/** Whole-number columns of one length, grown by doubling. */
class Columns<Key extends string> {
  private size = 0;
  private capacity = 1024;
  private arrays: Record<Key, NumberColumn>;
  private readonly keys: Key[];

  constructor(private readonly types: Record<Key, NumberColumnType>) {
    this.keys = Object.keys(types) as Key[];
    this.arrays = this.allocate(this.capacity);
  }

  get length(): number {
    return this.size;
  }

  private allocate(capacity: number): Record<Key, NumberColumn> {
    const arrays = {} as Record<Key, NumberColumn>;
    for (const key of this.keys) arrays[key] = new this.types[key](capacity);
    return arrays;
  }

  push(values: Record<Key, number>): number {
    const at = this.size;
    if (at === this.capacity) {
      this.capacity *= 2;
      const bigger = this.allocate(this.capacity);
      for (const key of this.keys) bigger[key].set(this.arrays[key]);
      this.arrays = bigger;
    }
    for (const key of this.keys) this.arrays[key][at] = values[key];
    this.size++;
    return at;
  }

  get(key: Key, index: number): number {
    return this.arrays[key][index]!;
  }

  /** Rearranges the rows so that row `i` becomes the row that was at `order[i]`; drops the spare capacity. */
  reorder(order: Uint32Array): void {
    const sorted = this.allocate(this.size);
    for (const key of this.keys) {
      const [from, to] = [this.arrays[key], sorted[key]];
      for (let index = 0; index < this.size; index++) to[index] = from[order[index]!]!;
    }
    this.arrays = sorted;
    this.capacity = this.size;
  }
}

/** The few distinct texts of a column, each stored once and referred to by a one-byte code. */
class Dictionary<T extends string = string> {
  private readonly codes = new Map<T, number>();
  private readonly values: T[] = [];

  code(value: T): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      if (code > 255) throw new Error('a column dictionary holds at most 256 texts');
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  value(code: number): T {
    return this.values[code]!;
  }
}

export class LedgerTable {
  private readonly columns = new Columns({
    day: Int32Array,
    minute: Int16Array,
    product: Int32Array,
    quantity: Int32Array,
    unreconciled: Int32Array,
    eventType: Uint8Array,
    center: Uint8Array,
    disposition: Uint8Array,
    reason: Uint8Array,
  });
  private references: string[] = [];
  private readonly eventTypes = new Dictionary<LedgerEventType>();
  private readonly centers = new Dictionary();
  private readonly dispositions = new Dictionary();
  private readonly reasons = new Dictionary();

  get length(): number {
    return this.columns.length;
  }

  add(entry: LedgerEntry): void {
    this.columns.push({
      day: entry.day,
      minute: entry.minute,
      product: entry.product,
      quantity: entry.quantity,
      unreconciled: entry.unreconciled,
      eventType: this.eventTypes.code(entry.eventType),
      center: this.centers.code(entry.center),
      disposition: this.dispositions.code(entry.disposition),
      reason: this.reasons.code(entry.reason),
    });
    this.references.push(entry.reference);
  }

  dayAt(index: number): number {
    return this.columns.get('day', index);
  }

  /** Row `index`, written into `row`: a reader of the whole table reuses one object. */
  read(index: number, row: LedgerEntry): LedgerEntry {
    const { columns } = this;
    row.day = columns.get('day', index);
    row.minute = columns.get('minute', index);
    row.product = columns.get('product', index);
    row.quantity = columns.get('quantity', index);
    row.unreconciled = columns.get('unreconciled', index);
    row.eventType = this.eventTypes.value(columns.get('eventType', index));
    row.center = this.centers.value(columns.get('center', index));
    row.disposition = this.dispositions.value(columns.get('disposition', index));
    row.reason = this.reasons.value(columns.get('reason', index));
    row.reference = this.references[index]!;
    return row;
  }

  /** Orders the rows by day and minute; rows of the same minute keep the order they were added in. */
  sortByTime(): void {
    const { columns, length } = this;
    // One number per row, time then position, sorts natively (no comparator) and stably; exact below 2^53.
    const positions = 2 ** Math.max(1, Math.ceil(Math.log2(length + 1)));
    const keys = new Float64Array(length);
    for (let index = 0; index < length; index++) {
      const time = columns.get('day', index) * 1440 + columns.get('minute', index);
      keys[index] = time * positions + index;
    }
    keys.sort();
    const order = Uint32Array.from(keys, (key) => key % positions);
    columns.reorder(order);
    this.references = Array.from(order, (from) => this.references[from]!);
  }
}

const NO_RETURN = -1;

export class RefundTable {
  private readonly columns = new Columns({
    product: Int32Array,
    quantity: Int16Array,
    orderDay: Int32Array,
    orderMinute: Int16Array,
    refundDay: Int32Array,
    refundMinute: Int16Array,
    refundQuantityWritten: Uint8Array,
    refundsTax: Uint8Array,
    returnDay: Int32Array,
    returnMinute: Int16Array,
    returnQuantity: Int16Array,
    returnCenter: Uint8Array,
    returnDisposition: Uint8Array,
    returnReason: Uint8Array,
    returnStatus: Uint8Array,
    returnComment: Uint8Array,
  });
  private readonly orderIds: string[] = [];
  private readonly orderNumbers: number[] = [];
  private readonly licensePlates: string[] = [];
  private readonly centers = new Dictionary();
  private readonly dispositions = new Dictionary();
  private readonly reasons = new Dictionary();
  private readonly statuses = new Dictionary();
  private readonly comments = new Dictionary();

  get length(): number {
    return this.columns.length;
  }

  add(order: RefundedOrder): void {
    const itsReturn = order.return;
    this.columns.push({
      product: order.product,
      quantity: order.quantity,
      orderDay: order.orderDay,
      orderMinute: order.orderMinute,
      refundDay: order.refundDay,
      refundMinute: order.refundMinute,
      refundQuantityWritten: order.refundQuantityWritten ? 1 : 0,
      refundsTax: order.refundsTax ? 1 : 0,
      returnDay: itsReturn?.day ?? NO_RETURN,
      returnMinute: itsReturn?.minute ?? 0,
      returnQuantity: itsReturn?.quantity ?? 0,
      returnCenter: this.centers.code(itsReturn?.center ?? ''),
      returnDisposition: this.dispositions.code(itsReturn?.disposition ?? ''),
      returnReason: this.reasons.code(itsReturn?.reason ?? ''),
      returnStatus: this.statuses.code(itsReturn?.status ?? ''),
      returnComment: this.comments.code(itsReturn?.comment ?? ''),
    });
    this.orderIds.push(order.orderId);
    this.orderNumbers.push(order.orderNumber);
    this.licensePlates.push(itsReturn?.licensePlate ?? '');
  }

  orderDayAt(index: number): number {
    return this.columns.get('orderDay', index);
  }

  refundDayAt(index: number): number {
    return this.columns.get('refundDay', index);
  }

  /** Undefined when the customer sent nothing back within the history. */
  returnDayAt(index: number): number | undefined {
    const day = this.columns.get('returnDay', index);
    return day === NO_RETURN ? undefined : day;
  }

  /** Order `index`, written into `order`, its return (if any) into `itsReturn`: readers reuse both objects. */
  read(index: number, order: RefundedOrder, itsReturn: CustomerReturn): RefundedOrder {
    const { columns } = this;
    order.orderId = this.orderIds[index]!;
    order.orderNumber = this.orderNumbers[index]!;
    order.product = columns.get('product', index);
    order.quantity = columns.get('quantity', index);
    order.orderDay = columns.get('orderDay', index);
    order.orderMinute = columns.get('orderMinute', index);
    order.refundDay = columns.get('refundDay', index);
    order.refundMinute = columns.get('refundMinute', index);
    order.refundQuantityWritten = columns.get('refundQuantityWritten', index) === 1;
    order.refundsTax = columns.get('refundsTax', index) === 1;
    const returnDay = this.returnDayAt(index);
    order.return = returnDay === undefined ? undefined : itsReturn;
    if (returnDay === undefined) return order;
    itsReturn.day = returnDay;
    itsReturn.minute = columns.get('returnMinute', index);
    itsReturn.quantity = columns.get('returnQuantity', index);
    itsReturn.center = this.centers.value(columns.get('returnCenter', index));
    itsReturn.disposition = this.dispositions.value(columns.get('returnDisposition', index));
    itsReturn.reason = this.reasons.value(columns.get('returnReason', index));
    itsReturn.status = this.statuses.value(columns.get('returnStatus', index));
    itsReturn.comment = this.comments.value(columns.get('returnComment', index));
    itsReturn.licensePlate = this.licensePlates[index]!;
    return order;
  }
}
