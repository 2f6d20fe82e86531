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
      `Spedizione ${line.reference ?? 'n/d'}, chiusa il ${line.date}${line.fulfillmentCenter ? ` presso ${line.fulfillmentCenter}` : ''}: ${units(line.units)} mancanti`,
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
};
