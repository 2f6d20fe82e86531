// Claim descriptions in French (EU accounts).
import type { ClaimTemplate } from '../description.js';

const units = (count: number) => `${count} unité${count > 1 ? 's' : ''}`;
const which = (products: number) => (products === 1 ? 'du produit ci-dessous' : `de ${products} produits`);

export const fr: ClaimTemplate = {
  greeting: 'Bonjour,',
  request: {
    LOST: (count, products) =>
      `Je demande le remboursement de ${units(count)} ${which(products)}, que votre registre d'inventaire (Inventory Ledger) indique comme perdues ou irrécupérables dans vos centres de distribution. Elles n'ont été ni retrouvées ni remboursées.`,
    DAMAGED: (count, products) =>
      `Je demande le remboursement de ${units(count)} ${which(products)}, que votre registre d'inventaire (Inventory Ledger) indique comme endommagées dans vos centres de distribution ou par votre transporteur. Elles n'ont pas été remboursées.`,
    INBOUND: (count, products) =>
      `Je demande le remboursement de ${units(count)} ${which(products)}, expédiées à votre centre de distribution mais non reçues : les expéditions ci-dessous sont clôturées avec moins d'unités reçues qu'expédiées.`,
    UNRETURNED: (count, products) =>
      `Je demande le remboursement de ${units(count)} ${which(products)}, remboursées aux clients mais jamais retournées à vos centres de distribution.`,
    REMOVAL: (count, products) =>
      `Je demande le remboursement de ${units(count)} ${which(products)}, que je vous ai demandé de me retourner par les ordres de retrait ci-dessous et qui ne me sont jamais parvenues : elles n'ont pas été expédiées alors que l'ordre est terminé, ou l'envoi est arrivé incomplet.`,
  },
  product: (product, count) =>
    `${product.title ?? product.sku} (SKU ${product.sku}${product.fnsku ? `, FNSKU ${product.fnsku}` : ''}${product.asin ? `, ASIN ${product.asin}` : ''}) : ${units(count)}`,
  evidence: {
    LOST: (line) =>
      `${line.date} : ${units(line.units)}, Reference ID ${line.reference ?? 'n/d'}${line.fulfillmentCenter ? `, centre ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, motif ${line.reasonCode}` : ''}`,
    DAMAGED: (line) =>
      `${line.date} : ${units(line.units)}, Reference ID ${line.reference ?? 'n/d'}${line.fulfillmentCenter ? `, centre ${line.fulfillmentCenter}` : ''}${line.reasonCode ? `, motif ${line.reasonCode}` : ''}`,
    INBOUND: (line) =>
      `Expédition ${line.reference ?? 'n/d'}, clôturée le ${line.date}${line.fulfillmentCenter ? ` à ${line.fulfillmentCenter}` : ''} : ${units(line.units)} manquante${line.units > 1 ? 's' : ''}${line.shipment ? ` (${line.shipment.quantityShipped} expédiées, ${line.shipment.quantityReceived} reçues)` : ''}`,
    UNRETURNED: (line) =>
      `Commande ${line.reference ?? 'n/d'}, remboursée le ${line.date} : ${units(line.units)} non retournée${line.units > 1 ? 's' : ''}`,
    REMOVAL: (line) =>
      line.trackingNumber
        ? `Ordre de retrait ${line.reference ?? 'n/d'}, envoi ${line.trackingNumber}${line.carrier ? ` (${line.carrier})` : ''} expédié le ${line.date} : ${line.removal?.shipped ?? 'n/d'} expédiées, ${line.removal?.received ?? 'n/d'} reçues, ${units(line.units)} manquante${line.units > 1 ? 's' : ''}`
        : `Ordre de retrait ${line.reference ?? 'n/d'}, terminé le ${line.date} : ${line.removal?.requested ?? 'n/d'} demandées, ${line.removal?.cancelled ?? 0} annulées, ${line.removal?.disposed ?? 0} éliminées, ${line.removal?.shipped ?? 0} expédiées : ${units(line.units)} jamais expédiée${line.units > 1 ? 's' : ''}`,
  },
  ask: {
    LOST: 'Merci de retrouver ces unités ou de les rembourser à leur valeur.',
    DAMAGED: 'Merci de rembourser ces unités à leur valeur.',
    INBOUND: "Merci d'examiner ces expéditions et de rembourser les unités non reçues.",
    UNRETURNED: 'Merci de facturer les clients ou de rembourser ces unités à leur valeur.',
    REMOVAL: 'Merci de retrouver ces unités ou de les rembourser à leur valeur.',
  },
  manufacturingCost:
    'Mon coût de fabrication de ces produits est enregistré chez Amazon sur la page « Manage Your Manufacturing Cost » (Gérer vos coûts de fabrication) ; depuis le 10 mars 2025, votre politique rembourse à ce coût les unités perdues ou endommagées avant une commande client.',
  attachment: 'Le fichier Excel joint détaille chaque entrée ci-dessus avec sa date, sa quantité et sa référence.',
  closing: 'Merci,',
  underpaid: {
    request: (id, day) =>
      `Je vous demande de réexaminer le montant du remboursement ${id}, approuvé le ${day} : il est inférieur à ce que votre politique de remboursement prévoit pour ces unités.`,
    paid: (count, perUnit, total) => `Vous avez payé ${perUnit} par unité pour ${units(count)} (${total}).`,
    basis: {
      MANUFACTURING_COST: (expected) =>
        `Mon coût de fabrication est de ${expected} par unité, enregistré chez Amazon sur la page « Manage Your Manufacturing Cost » (Gérer vos coûts de fabrication) ; depuis le 10 mars 2025, votre politique rembourse à ce coût les unités perdues ou endommagées avant une commande client.`,
      COST_UNKNOWN: () =>
        'Mon coût de fabrication est enregistré chez Amazon sur la page « Manage Your Manufacturing Cost » (Gérer vos coûts de fabrication).',
      SALE_PRICE: (expected) =>
        `Le produit s'est vendu ${expected} par unité, la valeur que votre politique payait avant le 10 mars 2025.`,
      ORDER_PRICE_LESS_FEES: (expected, order) =>
        `La commande ${order ?? 'n/d'} a été vendue ${expected} par unité, frais déduits ; votre politique rembourse une unité perdue après une commande client à ce prix moins les frais.`,
      ORDER_PRICE_FEES_UNKNOWN: (expected, order) =>
        `Le client a été remboursé de ${expected} par unité sur la commande ${order ?? 'n/d'} ; votre politique rembourse une unité perdue après une commande client au prix de la commande moins les frais.`,
    },
    shortfall: (amount) => `Il manque ${amount} à ce remboursement.`,
    ask: 'Merci de réexaminer le montant de ce remboursement et de verser la différence.',
    attachment:
      'Le fichier Excel joint montre la ligne de remboursement, le paiement attendu par unité et les lignes dont il provient.',
  },
};
