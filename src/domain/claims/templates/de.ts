// Claim descriptions in German (EU accounts).
import type { ClaimTemplate } from '../description.js';

const units = (count: number) => `${count} ${count === 1 ? 'Einheit' : 'Einheiten'}`;
const which = (products: number) => (products === 1 ? 'des unten genannten Produkts' : `von ${products} Produkten`);

export const de: ClaimTemplate = {
  greeting: 'Guten Tag,',
  request: {
    LOST: (count, products) =>
      `ich beantrage eine Erstattung für ${units(count)} ${which(products)}, die laut Ihrem Bestandsprotokoll (Inventory Ledger) in Ihren Logistikzentren verloren gegangen oder nicht wiederherstellbar sind. Sie wurden weder wiedergefunden noch erstattet.`,
    DAMAGED: (count, products) =>
      `ich beantrage eine Erstattung für ${units(count)} ${which(products)}, die laut Ihrem Bestandsprotokoll (Inventory Ledger) in Ihren Logistikzentren oder durch Ihren Transporteur beschädigt wurden. Sie wurden nicht erstattet.`,
    INBOUND: (count, products) =>
      `ich beantrage eine Erstattung für ${units(count)} ${which(products)}, die an Ihr Logistikzentrum versandt, aber nicht empfangen wurden: Die unten genannten Sendungen sind mit weniger empfangenen als versandten Einheiten abgeschlossen.`,
    UNRETURNED: (count, products) =>
      `ich beantrage eine Erstattung für ${units(count)} ${which(products)}, die Kunden erstattet, aber nie an Ihre Logistikzentren zurückgesandt wurden.`,
    REMOVAL: (count, products) =>
      `ich beantrage eine Erstattung für ${units(count)} ${which(products)}, deren Rücksendung ich mit den unten genannten Removal-Aufträgen beantragt habe und die mich nie erreicht haben: Sie wurden trotz abgeschlossenem Auftrag nicht versandt, oder die Sendung kam unvollständig an.`,
  },
  product: (product, count) =>
    `${product.title ?? product.sku} (SKU ${product.sku}${product.fnsku ? `, FNSKU ${product.fnsku}` : ''}${product.asin ? `, ASIN ${product.asin}` : ''}): ${units(count)}`,
  evidence: {
    LOST: (line) =>
      `${line.date}: ${units(line.units)}, Reference ID ${line.reference ?? 'k. A.'}${line.fulfillmentCenter ? `, Logistikzentrum ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, Grund ${line.reasonCode}` : ''}`,
    DAMAGED: (line) =>
      `${line.date}: ${units(line.units)}, Reference ID ${line.reference ?? 'k. A.'}${line.fulfillmentCenter ? `, Logistikzentrum ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, Grund ${line.reasonCode}` : ''}`,
    INBOUND: (line) =>
      `Sendung ${line.reference ?? 'k. A.'}, abgeschlossen am ${line.date}${line.fulfillmentCenter ? ` in ${line.fulfillmentCenter}` : ''}: ${units(line.units)} fehlen${line.shipment ? ` (${line.shipment.quantityShipped} versandt, ${line.shipment.quantityReceived} erhalten)` : ''}`,
    UNRETURNED: (line) =>
      `Bestellung ${line.reference ?? 'k. A.'}, erstattet am ${line.date}: ${units(line.units)} nicht zurückgesandt`,
    REMOVAL: (line) =>
      line.trackingNumber
        ? `Removal-Auftrag ${line.reference ?? 'k. A.'}, Sendung ${line.trackingNumber}${line.carrier ? ` (${line.carrier})` : ''} versandt am ${line.date}: ${line.removal?.shipped ?? 'k. A.'} versandt, ${line.removal?.received ?? 'k. A.'} empfangen, ${units(line.units)} fehlen`
        : `Removal-Auftrag ${line.reference ?? 'k. A.'}, abgeschlossen am ${line.date}: ${line.removal?.requested ?? 'k. A.'} beantragt, ${line.removal?.cancelled ?? 0} storniert, ${line.removal?.disposed ?? 0} entsorgt, ${line.removal?.shipped ?? 0} versandt: ${units(line.units)} nie versandt`,
  },
  ask: {
    LOST: 'Bitte finden Sie diese Einheiten oder erstatten Sie ihren Wert.',
    DAMAGED: 'Bitte erstatten Sie den Wert dieser Einheiten.',
    INBOUND: 'Bitte prüfen Sie diese Sendungen und erstatten Sie die nicht empfangenen Einheiten.',
    UNRETURNED: 'Bitte belasten Sie die Kunden oder erstatten Sie den Wert dieser Einheiten.',
    REMOVAL: 'Bitte finden Sie diese Einheiten wieder oder erstatten Sie ihren Wert.',
  },
  manufacturingCost:
    'Meine Herstellungskosten für diese Produkte sind bei Amazon auf der Seite „Manage Your Manufacturing Cost“ (Herstellungskosten verwalten) hinterlegt; seit dem 10. März 2025 erstattet Ihre Richtlinie Einheiten, die vor einer Kundenbestellung verloren gingen oder beschädigt wurden, zu diesen Kosten.',
  attachment: 'Die beigefügte Excel-Datei listet jeden obigen Eintrag mit Datum, Menge und Referenz auf.',
  closing: 'Vielen Dank,',
  underpaid: {
    request: (id, day) =>
      `Ich bitte Sie, den Betrag der Erstattung ${id} vom ${day} zu überprüfen: Er liegt unter dem, was Ihre Erstattungsrichtlinie für diese Einheiten vorsieht.`,
    paid: (count, perUnit, total) => `Sie haben ${perUnit} pro Einheit für ${units(count)} gezahlt (${total}).`,
    basis: {
      MANUFACTURING_COST: (expected) =>
        `Meine Herstellungskosten betragen ${expected} pro Einheit und sind bei Amazon auf der Seite „Manage Your Manufacturing Cost“ (Herstellungskosten verwalten) hinterlegt; seit dem 10. März 2025 erstattet Ihre Richtlinie Einheiten, die vor einer Kundenbestellung verloren gingen oder beschädigt wurden, zu diesen Kosten.`,
      COST_UNKNOWN: () =>
        'Meine Herstellungskosten sind bei Amazon auf der Seite „Manage Your Manufacturing Cost“ (Herstellungskosten verwalten) hinterlegt.',
      SALE_PRICE: (expected) =>
        `Das Produkt wurde für ${expected} pro Einheit verkauft, der Wert, den Ihre Richtlinie vor dem 10. März 2025 zahlte.`,
      ORDER_PRICE_LESS_FEES: (expected, order) =>
        `Die Bestellung ${order ?? 'k. A.'} wurde nach Abzug Ihrer Gebühren für ${expected} pro Einheit verkauft; Ihre Richtlinie erstattet eine nach einer Kundenbestellung verlorene Einheit zu diesem Preis abzüglich der Gebühren.`,
      ORDER_PRICE_FEES_UNKNOWN: (expected, order) =>
        `Dem Kunden wurden für die Bestellung ${order ?? 'k. A.'} ${expected} pro Einheit erstattet; Ihre Richtlinie erstattet eine nach einer Kundenbestellung verlorene Einheit zum Bestellpreis abzüglich der Gebühren.`,
    },
    shortfall: (amount) => `Der Erstattung fehlen ${amount}.`,
    ask: 'Bitte überprüfen Sie den Betrag dieser Erstattung und zahlen Sie die Differenz.',
    attachment:
      'Die beigefügte Excel-Datei zeigt die Erstattungszeile, die erwartete Zahlung pro Einheit und die Zeilen, aus denen sie stammt.',
  },
};
