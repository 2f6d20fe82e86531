// Where a claim is opened in Seller Central, for each region, and which options to pick for each type.
import type { MissingType, Region } from '../types.js';

const SELLER_CENTRAL: Readonly<Record<Region, string>> = {
  NA: 'https://sellercentral.amazon.com',
  EU: 'https://sellercentral-europe.amazon.com',
  FE: 'https://sellercentral.amazon.co.jp',
};

/** The page where a new case is opened. */
export function newCaseUrl(region: Region): string {
  return `${SELLER_CENTRAL[region]}/cu/contact-us`;
}

/** The page of an opened case in Seller Central's case log. */
export function caseLogUrl(region: Region, amazonCaseId: string): string {
  return `${SELLER_CENTRAL[region]}/cu/case-dashboard/view-case?caseID=${encodeURIComponent(amazonCaseId)}`;
}

/** The languages the steps are written in; the dashboard asks for its own, other callers get English. */
export type GuidanceLanguage = 'EN' | 'FR';

/** A French instruction keeps French punctuation: a non-breaking space inside « » and before : ; ? !. */
const NBSP = '\u00a0';

const TOPICS: Readonly<Record<GuidanceLanguage, Readonly<Record<MissingType, string[]>>>> = {
  EN: {
    LOST: [
      'Choose "Selling on Amazon", then "Fulfillment by Amazon", then "FBA inventory reimbursement" and "Lost or damaged in an Amazon fulfillment center".',
      'Give the FNSKU and the ledger Reference IDs of the description: they are the transaction IDs Amazon asks for.',
    ],
    DAMAGED: [
      'Choose "Selling on Amazon", then "Fulfillment by Amazon", then "FBA inventory reimbursement" and "Lost or damaged in an Amazon fulfillment center".',
      'Give the FNSKU and the ledger Reference IDs of the damage adjustments (reason codes E, 6 or Q).',
    ],
    INBOUND: [
      'Open the shipment in "Send to Amazon" / the Shipping Queue, go to "Reconcile" and use "Research discrepancy" when it is offered; otherwise choose "FBA inventory reimbursement" and "Inbound shipment (shortage)".',
      'Give the shipment ID and, when Amazon asks for them, the proof of delivery and the box contents of the shipment.',
    ],
    UNRETURNED: [
      'Choose "Selling on Amazon", then "Fulfillment by Amazon", then "FBA inventory reimbursement" and "Customer return" (refunded, not returned).',
      'Give the order IDs of the description: Amazon checks each refund against its returns.',
    ],
    REMOVAL: [
      'Choose "Selling on Amazon", then "Fulfillment by Amazon", then "FBA inventory reimbursement" and "Removal order" (Amazon\'s removals claims page), and enter the removal order ID when the tool asks for it: it checks the order\'s eligibility.',
      'Give the removal order ID, the tracking number and carrier of each shipment and the quantities requested, shipped and received. A shipment lost in transit can be claimed from 15 to 75 days after it was created; Amazon may ask for photos of the box and of the units that arrived.',
    ],
  },
  // The menus as Seller Central names them in French.
  FR: {
    LOST: [
      `Choisissez «${NBSP}Vendre sur Amazon${NBSP}», puis «${NBSP}Expédié par Amazon${NBSP}», puis «${NBSP}Remboursement de stock Expédié par Amazon${NBSP}» et «${NBSP}Perdu ou endommagé dans un centre de distribution Amazon${NBSP}».`,
      `Indiquez le FNSKU et les identifiants de référence du registre cités dans la description${NBSP}: ce sont les identifiants de transaction qu’Amazon demande.`,
    ],
    DAMAGED: [
      `Choisissez «${NBSP}Vendre sur Amazon${NBSP}», puis «${NBSP}Expédié par Amazon${NBSP}», puis «${NBSP}Remboursement de stock Expédié par Amazon${NBSP}» et «${NBSP}Perdu ou endommagé dans un centre de distribution Amazon${NBSP}».`,
      'Indiquez le FNSKU et les identifiants de référence du registre des ajustements pour dommage (codes motif E, 6 ou Q).',
    ],
    INBOUND: [
      `Ouvrez l’expédition dans «${NBSP}Envoyer à Amazon${NBSP}» ou la file d’attente des expéditions, allez à «${NBSP}Rapprocher${NBSP}» et utilisez «${NBSP}Rechercher un écart${NBSP}» s’il est proposé${NBSP}; sinon choisissez «${NBSP}Remboursement de stock Expédié par Amazon${NBSP}» et «${NBSP}Expédition entrante (manquant)${NBSP}».`,
      'Indiquez l’identifiant de l’expédition et, si Amazon les demande, la preuve de livraison et le contenu des colis.',
    ],
    UNRETURNED: [
      `Choisissez «${NBSP}Vendre sur Amazon${NBSP}», puis «${NBSP}Expédié par Amazon${NBSP}», puis «${NBSP}Remboursement de stock Expédié par Amazon${NBSP}» et «${NBSP}Retour client${NBSP}» (remboursé, non retourné).`,
      `Indiquez les numéros de commande de la description${NBSP}: Amazon compare chaque remboursement à ses retours.`,
    ],
    REMOVAL: [
      `Choisissez «${NBSP}Vendre sur Amazon${NBSP}», puis «${NBSP}Expédié par Amazon${NBSP}», puis «${NBSP}Remboursement de stock Expédié par Amazon${NBSP}» et «${NBSP}Ordre de retrait${NBSP}» (la page des réclamations de retrait), et saisissez le numéro de l’ordre de retrait quand l’outil le demande${NBSP}: il vérifie que l’ordre est éligible.`,
      `Indiquez le numéro de l’ordre de retrait, le numéro de suivi et le transporteur de chaque envoi, et les quantités demandées, expédiées et reçues. Un envoi perdu en transit se réclame de 15 à 75${NBSP}jours après sa création${NBSP}; Amazon peut demander des photos du colis et des unités arrivées.`,
    ],
  },
};

const LAST_STEPS: Readonly<Record<GuidanceLanguage, string[]>> = {
  EN: [
    'Paste the description Reclaim wrote for this claim.',
    'When Seller Central asks for evidence, attach the Excel file Reclaim made for this claim (step 1).',
    'Save the case ID Seller Central gives the case in Reclaim: Reclaim then follows the case until Amazon pays.',
  ],
  FR: [
    'Collez la description que Reclaim a rédigée pour cette réclamation.',
    'Quand Seller Central demande des preuves, joignez le fichier Excel que Reclaim a préparé pour cette réclamation (étape 1).',
    `Enregistrez dans Reclaim le numéro que Seller Central donne au dossier${NBSP}: Reclaim suit alors le dossier jusqu’au paiement d’Amazon.`,
  ],
};

/** Step 3 of the wizard: which options to pick in Seller Central for this type. */
export function guidance(type: MissingType, language: GuidanceLanguage = 'EN'): string[] {
  return [...TOPICS[language][type], ...LAST_STEPS[language]];
}

/** The guidance language for a description language: French for FR, English for the others. */
export function guidanceLanguageOf(language: string | null | undefined): GuidanceLanguage {
  return language === 'FR' ? 'FR' : 'EN';
}
