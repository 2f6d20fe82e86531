// decimal.js, typed right. Its type declarations describe its CommonJS build, where the class is `.Decimal`;
// Node loads its ES module build, whose default export is the class itself.
import DecimalModule from 'decimal.js';

export const Decimal = DecimalModule as unknown as typeof DecimalModule.Decimal;
export type Decimal = DecimalModule.Decimal;
export type DecimalValue = DecimalModule.Decimal.Value;
