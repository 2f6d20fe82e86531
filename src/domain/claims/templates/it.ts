// Claim descriptions in Italian (EU accounts).
import type { ClaimTemplate } from '../description.js';

const units = (count: number) => `${count} unità`;
const which = (products: number) => (products === 1 ? 'del prodotto qui sotto' : `di ${products} prodotti`);

export const it: ClaimTemplate = {
  greeting: 'Buongiorno,',
  request: {
    LOST: (count, products) =>
      `chiedo il rimborso di ${units(count)} ${which(products)} che il vostro registro dell'inventario (Inventory Ledger) indica come perse o non recuperabili nei vostri centri logistici. Non sono state ritrovate né rimborsate.`,
    DAMAGED: (count, products) =>
      `chiedo il rimborso di ${units(count)} ${which(products)} che il vostro registro dell'inventario (Inventory Ledger) indica come danneggiate nei vostri centri logistici o dal vostro corriere. Non sono state rimborsate.`,
    INBOUND: (count, products) =>
      `chiedo il rimborso di ${units(count)} ${which(products)} spedite al vostro centro logistico ma non ricevute: le spedizioni qui sotto sono chiuse con meno unità ricevute che spedite.`,
    UNRETURNED: (count, products) =>
      `chiedo il rimborso di ${units(count)} ${which(products)} rimborsate ai clienti ma mai restituite ai vostri centri logistici.`,
    REMOVAL: (count, products) =>
      `chiedo il rimborso di ${units(count)} ${which(products)} che vi ho chiesto di restituirmi con gli ordini di rimozione qui sotto e che non mi sono mai arrivate: non sono state spedite benché l'ordine sia completato, oppure la spedizione è arrivata incompleta.`,
  },
  product: (product, count) =>
    `${product.title ?? product.sku} (SKU ${product.sku}${product.fnsku ? `, FNSKU ${product.fnsku}` : ''}${product.asin ? `, ASIN ${product.asin}` : ''}): ${units(count)}`,
  evidence: {
    LOST: (line) =>
      `${line.date}: ${units(line.units)}, Reference ID ${line.reference ?? 'n/d'}${line.fulfillmentCenter ? `, centro ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, motivo ${line.reasonCode}` : ''}`,
    DAMAGED: (line) =>
      `${line.date}: ${units(line.units)}, Reference ID ${line.reference ?? 'n/d'}${line.fulfillmentCenter ? `, centro ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, motivo ${line.reasonCode}` : ''}`,
    INBOUND: (line) =>
      `Spedizione ${line.reference ?? 'n/d'}, chiusa il ${line.date}${line.fulfillmentCenter ? ` presso ${line.fulfillmentCenter}` : ''}: ${units(line.units)} mancanti${line.shipment ? ` (${line.shipment.quantityShipped} spedite, ${line.shipment.quantityReceived} ricevute)` : ''}`,
    UNRETURNED: (line) =>
      `Ordine ${line.reference ?? 'n/d'}, rimborsato il ${line.date}: ${units(line.units)} non restituite`,
    REMOVAL: (line) =>
      line.trackingNumber
        ? `Ordine di rimozione ${line.reference ?? 'n/d'}, spedizione ${line.trackingNumber}${line.carrier ? ` (${line.carrier})` : ''} spedita il ${line.date}: ${line.removal?.shipped ?? 'n/d'} spedite, ${line.removal?.received ?? 'n/d'} ricevute, ${units(line.units)} mancanti`
        : `Ordine di rimozione ${line.reference ?? 'n/d'}, completato il ${line.date}: ${line.removal?.requested ?? 'n/d'} richieste, ${line.removal?.cancelled ?? 0} annullate, ${line.removal?.disposed ?? 0} smaltite, ${line.removal?.shipped ?? 0} spedite: ${units(line.units)} mai spedite`,
  },
  ask: {
    LOST: 'Vi prego di ritrovare queste unità o di rimborsarle al loro valore.',
    DAMAGED: 'Vi prego di rimborsare queste unità al loro valore.',
    INBOUND: 'Vi prego di verificare queste spedizioni e di rimborsare le unità non ricevute.',
    UNRETURNED: 'Vi prego di addebitare i clienti o di rimborsare queste unità al loro valore.',
    REMOVAL: 'Vi prego di ritrovare queste unità o di rimborsarle al loro valore.',
  },
  manufacturingCost:
    'Il mio costo di produzione per questi prodotti è registrato presso Amazon nella pagina "Manage Your Manufacturing Cost" (Gestisci i costi di produzione); dal 10 marzo 2025 la vostra politica rimborsa a tale costo le unità smarrite o danneggiate prima di un ordine cliente.',
  attachment: 'Il file Excel allegato elenca ogni voce qui sopra con data, quantità e riferimento.',
  closing: 'Grazie,',
  underpaid: {
    request: (id, day) =>
      `Vi chiedo di riesaminare l'importo del rimborso ${id}, approvato il ${day}: è inferiore a quanto prevede la vostra politica di rimborso per queste unità.`,
    paid: (count, perUnit, total) => `Avete pagato ${perUnit} per unità per ${units(count)} (${total}).`,
    basis: {
      MANUFACTURING_COST: (expected) =>
        `Il mio costo di produzione è di ${expected} per unità, registrato presso Amazon nella pagina "Manage Your Manufacturing Cost" (Gestisci i costi di produzione); dal 10 marzo 2025 la vostra politica rimborsa a tale costo le unità smarrite o danneggiate prima di un ordine cliente.`,
      COST_UNKNOWN: () =>
        'Il mio costo di produzione è registrato presso Amazon nella pagina "Manage Your Manufacturing Cost" (Gestisci i costi di produzione).',
      SALE_PRICE: (expected) =>
        `Il prodotto è stato venduto a ${expected} per unità, il valore che la vostra politica pagava prima del 10 marzo 2025.`,
      ORDER_PRICE_LESS_FEES: (expected, order) =>
        `L'ordine ${order ?? 'n/d'} è stato venduto a ${expected} per unità al netto delle vostre commissioni; la vostra politica rimborsa un'unità smarrita dopo un ordine cliente a tale prezzo meno le commissioni.`,
      ORDER_PRICE_FEES_UNKNOWN: (expected, order) =>
        `Al cliente sono stati rimborsati ${expected} per unità sull'ordine ${order ?? 'n/d'}; la vostra politica rimborsa un'unità smarrita dopo un ordine cliente al prezzo dell'ordine meno le commissioni.`,
    },
    shortfall: (amount) => `Al rimborso mancano ${amount}.`,
    ask: "Vi prego di riesaminare l'importo di questo rimborso e di pagare la differenza.",
    attachment:
      'Il file Excel allegato mostra la riga del rimborso, il pagamento atteso per unità e le righe da cui deriva.',
  },
};
