// The seller's products: what they are called, what they cost and sell for, where they are stored, how well they sell.
import { Random } from './generate-random.js';

export interface Product {
  index: number;
  sku: string;
  fnsku: string;
  asin: string;
  title: string;
  priceCents: number;
  /** Purchase cost; known for every product, written to the costs file only when `costInFile`. */
  costCents: number;
  costInFile: boolean;
  /** Amazon's FBA fee per unit, charged on each sale in the settlement. */
  fulfilmentFeeCents: number;
  homeCenter: string;
  /** Relative sales volume (mean about 1): a few products sell much more than most. */
  popularity: number;
}

interface Category {
  code: string;
  noun: string;
  /** SKU part and title part of each size; empty when the product comes in one size. */
  sizes: readonly (readonly [string, string])[];
  coloured: boolean;
  dollars: readonly [number, number];
}

const CATEGORIES: readonly Category[] = [
  {
    code: 'MUG',
    noun: 'Ceramic Coffee Mug',
    sizes: [
      ['350', '350 ml'],
      ['450', '450 ml'],
    ],
    coloured: true,
    dollars: [9, 24],
  },
  {
    code: 'BTL',
    noun: 'Insulated Water Bottle',
    sizes: [
      ['500', '500 ml'],
      ['750', '750 ml'],
      ['1000', '1 L'],
    ],
    coloured: true,
    dollars: [15, 38],
  },
  {
    code: 'TEE',
    noun: 'Organic Cotton T-Shirt',
    sizes: [
      ['S', 'Small'],
      ['M', 'Medium'],
      ['L', 'Large'],
      ['XL', 'X-Large'],
    ],
    coloured: true,
    dollars: [12, 29],
  },
  { code: 'CAP', noun: 'Baseball Cap', sizes: [], coloured: true, dollars: [10, 24] },
  { code: 'TOTE', noun: 'Canvas Tote Bag', sizes: [], coloured: true, dollars: [12, 32] },
  {
    code: 'LAMP',
    noun: 'LED Desk Lamp',
    sizes: [
      ['STD', 'Standard'],
      ['PRO', 'Pro with USB Port'],
    ],
    coloured: true,
    dollars: [24, 69],
  },
  { code: 'PEN', noun: 'Gel Pens, 10-Pack', sizes: [], coloured: true, dollars: [5, 13] },
  {
    code: 'YOGA',
    noun: 'Non-Slip Yoga Mat',
    sizes: [
      ['6MM', '6 mm'],
      ['8MM', '8 mm'],
    ],
    coloured: true,
    dollars: [19, 49],
  },
  {
    code: 'PLW',
    noun: 'Linen Throw Pillow Cover',
    sizes: [
      ['18', '18 x 18 in'],
      ['20', '20 x 20 in'],
    ],
    coloured: true,
    dollars: [9, 22],
  },
  {
    code: 'KNIFE',
    noun: 'Stainless Steel Chef Knife',
    sizes: [
      ['6IN', '6 inch'],
      ['8IN', '8 inch'],
    ],
    coloured: false,
    dollars: [24, 89],
  },
  {
    code: 'PAN',
    noun: 'Nonstick Frying Pan',
    sizes: [
      ['20', '20 cm'],
      ['24', '24 cm'],
      ['28', '28 cm'],
    ],
    coloured: false,
    dollars: [22, 65],
  },
  { code: 'BLKT', noun: 'Fleece Throw Blanket', sizes: [['5060', '50 x 60 in']], coloured: true, dollars: [19, 45] },
  { code: 'BUDS', noun: 'Wireless Earbuds', sizes: [], coloured: true, dollars: [24, 89] },
  {
    code: 'CHG',
    noun: 'USB-C Wall Charger',
    sizes: [
      ['30W', '30W'],
      ['65W', '65W'],
    ],
    coloured: false,
    dollars: [12, 42],
  },
  {
    code: 'CBL',
    noun: 'Braided USB-C Cable',
    sizes: [
      ['1M', '1 m'],
      ['2M', '2 m'],
    ],
    coloured: true,
    dollars: [6, 16],
  },
  { code: 'CNDL', noun: 'Soy Scented Candle', sizes: [['8OZ', '8 oz']], coloured: false, dollars: [10, 28] },
  { code: 'PZL', noun: 'Wooden Jigsaw Puzzle', sizes: [['500', '500 pieces']], coloured: false, dollars: [14, 34] },
  { code: 'PACK', noun: 'Hiking Backpack', sizes: [['30L', '30 L']], coloured: true, dollars: [39, 119] },
  { code: 'SCALE', noun: 'Digital Kitchen Scale', sizes: [], coloured: true, dollars: [14, 35] },
  { code: 'TOWEL', noun: 'Cotton Bath Towel Set', sizes: [['4PC', '4 pieces']], coloured: true, dollars: [22, 55] },
  { code: 'SOCK', noun: 'Merino Wool Socks, 3 Pairs', sizes: [['M', 'Medium']], coloured: true, dollars: [15, 32] },
  { code: 'LEASH', noun: 'Reflective Dog Leash', sizes: [], coloured: true, dollars: [10, 26] },
  { code: 'POT', noun: 'Ceramic Plant Pot', sizes: [['6IN', '6 inch']], coloured: true, dollars: [9, 30] },
  { code: 'NOTE', noun: 'Dotted Notebook A5', sizes: [], coloured: true, dollars: [7, 18] },
  { code: 'FRAME', noun: 'Picture Frame', sizes: [['810', '8 x 10 in']], coloured: true, dollars: [10, 29] },
];

const COLOURS = ['Red', 'Blue', 'Black', 'White', 'Green', 'Grey', 'Navy', 'Pink', 'Beige', 'Teal', 'Orange', 'Yellow'];
const BRANDS = ['Northwind', 'Hearthstone', 'Bluebird & Co', 'Cedar Lane', 'Maple Trail', 'Kestrel', 'Sunday Goods'];

export const FULFILMENT_CENTERS = ['PHX7', 'ONT8', 'LGB8', 'SMF3', 'TPA1', 'MDW2', 'ABE8', 'BFI4', 'DFW7', 'RIC2'];

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PRICE_ENDINGS: readonly (readonly [number, number])[] = [
  [99, 6],
  [95, 2],
  [49, 2],
  [0, 1],
];

function uniqueCode(random: Random, taken: Set<string>, prefix: string, length: number): string {
  for (;;) {
    const code = prefix + random.code(ALPHANUMERIC, length);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function buildCatalog(seed: number, count: number): Product[] {
  const random = new Random(seed);
  const brands = random.shuffle([...BRANDS]).slice(0, random.int(1, 3));
  const centers = random.shuffle([...FULFILMENT_CENTERS]).slice(0, random.int(3, 5));
  const taken = new Set<string>();
  const products: Product[] = [];
  for (let index = 0; index < count; index++) {
    const category = random.pick(CATEGORIES);
    const colour = category.coloured ? random.pick(COLOURS) : undefined;
    const size = category.sizes.length > 0 ? random.pick(category.sizes) : undefined;
    const descriptive = [category.code, colour?.toUpperCase(), size?.[0]].filter(Boolean).join('-');
    // A catalogue of thousands runs out of colour and size combinations: later products get the seller's numbering.
    const sku = taken.has(descriptive) ? `SKU-${pad(index + 1, 5)}` : descriptive;
    taken.add(sku);
    const title = [`${random.pick(brands)} ${category.noun}`, colour, size?.[1]].filter(Boolean).join(', ');
    // Within 5.00 to 119.99 by the category ranges, with the endings shoppers see.
    const price = random.int(category.dollars[0], category.dollars[1] - 1) * 100 + random.weighted(PRICE_ENDINGS);
    products.push({
      index,
      sku,
      fnsku: uniqueCode(random, taken, 'X00', 7),
      asin: uniqueCode(random, taken, 'B0', 8),
      title,
      priceCents: price,
      costCents: Math.round(price * (0.3 + random.next() * 0.15)),
      costInFile: random.chance(0.8),
      fulfilmentFeeCents: 306 + Math.round(price * 0.03) + random.int(0, 120),
      homeCenter: random.pick(centers),
      popularity: Math.exp(0.9 * random.normal() - 0.405),
    });
  }
  return products;
}
