// The dashboard's words, in English and French. The language is the browser's, until the seller picks one.
import { signal } from '@preact/signals';

const en = {
  appName: 'Reclaim',
  tagline: 'What Amazon owes you',
  tokenTitle: 'Open your account',
  tokenLabel: 'Account token',
  tokenHelp: 'The token Reclaim gave when the account was created (rcl_…). It stays in this browser tab only.',
  open: 'Open',
  signOut: 'Sign out',
  language: 'Français',
  languageName: 'Language',
  navName: 'Views',
  totalsName: 'Totals',
  colon: ': ',
  navMissing: 'Missing products',
  navCases: 'Cases',
  navImports: 'Imports',
  totalsMissing: 'Missing',
  totalsClaimable: 'Claimable now',
  totalsClaimed: 'Claimed (pending)',
  claimedHelp: 'Units claimed in open cases that Amazon has not paid yet.',
  reimbursedHelp: 'What Amazon paid for your cases.',
  missingHelp: 'Units missing and not expired: claimable now, or later once Amazon’s waiting time has passed.',
  totalsExpired: 'Expired',
  totalsReimbursable: 'Reimbursable',
  totalsReimbursed: 'Reimbursed',
  totalsExpectedPayout: 'Expected payout',
  totalsUnderpaid: 'Underpaid',
  reimbursableHelp: 'What the missing units are worth by your valuation (last sale price, else your cost).',
  expectedPayoutHelp:
    'What Amazon’s current policy pays for the missing units: your manufacturing cost for units lost or damaged in its warehouses (since 10 March 2025), the order price minus fees for refunds not returned.',
  underpaidHelp: 'How much Amazon’s reimbursements fall short of its own policy.',
  expectedPayout: 'Expected payout',
  basis_MANUFACTURING_COST: 'manufacturing cost',
  basis_COST_UNKNOWN: 'cost unknown',
  basis_SALE_PRICE: 'sale price',
  basis_ORDER_PRICE_LESS_FEES: 'order price minus fees',
  basis_ORDER_PRICE_FEES_UNKNOWN: 'refunded price, fees unknown',
  costUnknownTitle: 'Products without a cost',
  costUnknownOne:
    '1 product has no cost: Amazon now pays the manufacturing cost, so Reclaim cannot tell what it will pay.',
  costUnknownMany:
    '{count} products have no cost: Amazon now pays the manufacturing cost, so Reclaim cannot tell what it will pay.',
  costUnknownMore: 'and {count} more',
  costUnknownLink: 'Upload your costs file',
  wizardCostUnknown: 'No cost is known for {skus}: Amazon pays these units at your manufacturing cost.',
  costsTitle: 'Your costs file',
  costsHelp:
    'One line per SKU with the columns sku, cost and currency (for example SKU-MUG-01, 5.10, USD), separated by tabs or commas: the cost is what one unit cost you to make or buy, without shipping, customs or packaging. Amazon pays units lost or damaged in its warehouses at this cost since 10 March 2025: enter the same costs on Seller Central’s “Manage Your Manufacturing Cost” page.',
  costsChoose: 'Choose the costs file',
  underpaidTitle: 'Underpaid reimbursements',
  underpaidIntro:
    'Amazon paid these lines less than 95% of what its own policy pays. Ask Amazon to review each one: the evidence and the text are ready.',
  reimbursementId: 'Reimbursement',
  date: 'Date',
  paid: 'Paid',
  expected: 'Expected',
  shortfall: 'Shortfall',
  askReview: 'Ask for a review',
  askReviewOf: 'Ask for a review of reimbursement {id}',
  reviewTitle: 'Review of reimbursement {id}',
  reviewStep1Help:
    'The Excel file shows the line, what Amazon paid, what its policy pays and the cost or order rows behind it.',
  units_one: '{count} unit',
  units_other: '{count} units',
  amazonCounts: 'Amazon: {reconciled} reconciled, {unreconciled} unreconciled',
  amazonSettled: 'Amazon says this event is settled: check before you claim it',
  filterType: 'Type',
  allTypes: 'All types',
  sortBy: 'Sort by',
  sortUrgency: 'Most urgent',
  sortSku: 'SKU',
  sortValue: 'Reimbursable',
  product: 'Product',
  types: 'Types',
  missingClaimed: 'Missing | Claimed',
  expired: 'Expired',
  reimbursable: 'Reimbursable',
  nextDeadline: 'Next deadline',
  actions: 'Actions',
  claim: 'Claim',
  claimType: 'Claim {type}',
  claimableNow: 'Claimable now',
  daysLeft_one: '{count} day left',
  daysLeft_other: '{count} days left',
  now: 'now',
  later: 'later',
  valueBasis_SALE_PRICE: 'last sale price',
  valueBasis_COST: 'your cost',
  reimbursableHow: '{value} per unit ({basis}). Claimable now: {now}. Not claimable yet: {later}.',
  reimbursableUnits: '{units}, {amount}',
  typeClaimable_one: '{count} claimable now',
  typeClaimable_other: '{count} claimable now',
  typeWaiting_one: '{count} not claimable yet',
  typeWaiting_other: '{count} not claimable yet',
  typeClaimed_one: '{count} claimed',
  typeClaimed_other: '{count} claimed',
  typeExpired_one: '{count} expired',
  typeExpired_other: '{count} expired',
  pageOf: 'Page {page} of {pages}',
  products_one: '{count} product',
  products_other: '{count} products',
  lines_one: '{count} line',
  lines_other: '{count} lines',
  claimColumn: 'Claim',
  today: 'due today',
  noMissing: 'Nothing missing: import your Amazon reports to find what is owed.',
  previous: 'Previous page',
  next: 'Next page',
  loading: 'Loading…',
  LOST: 'Lost',
  DAMAGED: 'Damaged',
  INBOUND: 'Inbound',
  UNRETURNED: 'Not returned',
  REMOVAL: 'Removal',
  removalWaitingTitle: 'Removal shipments waiting for your receipt',
  removalWaitingHelp:
    'Only you know what arrived: enter the units you received of each shipment. Fewer than shipped can be claimed from 15 to 75 days after the shipment.',
  removalOrder: 'Removal order',
  removalTracking: 'Tracking',
  removalShipped: 'Shipped on',
  removalShippedUnits: 'Units shipped',
  removalReceived: 'Units received',
  removalReceivedFor: 'Units received of {shipment}',
  removalSave: 'Save',
  deadlineAlert_one: '{sku}: {count} {type} unit must be claimed by {deadline}',
  deadlineAlert_other: '{sku}: {count} {type} units must be claimed by {deadline}',
  wizardTitle: 'Claim {type} units',
  wizardProducts: 'Products in this claim',
  addProduct: 'Add a product of the same type',
  add: 'Add',
  step1: '1. Download the evidence',
  step1Help:
    'The Excel file lists every missing unit with its dates and references. Attach it when Seller Central asks.',
  download: 'Download the Excel file',
  step2: '2. Copy the description',
  copy: 'Copy',
  copied: 'Copied',
  step3: '3. Open the case in Seller Central',
  openSellerCentral: 'Open Seller Central',
  caseIdLabel: 'Amazon case ID',
  caseIdHelp: 'The number Seller Central gives the case: 8 to 12 digits.',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  casesTotal: 'Reimbursed by Amazon:',
  caseId: 'Case ID',
  type: 'Type',
  status: 'Status',
  claimed: 'Claimed',
  reimbursed: 'Reimbursed',
  opened: 'Opened',
  evidence: 'Evidence',
  downloadShort: 'Excel',
  OPEN: 'Open',
  REIMBURSED: 'Reimbursed',
  CLOSED: 'Closed',
  closeCase: 'Close case {id}',
  deleteCase: 'Delete case {id}',
  confirmClose: 'Close case {id}? Amazon has not paid it in full.',
  confirmDelete: 'Delete case {id}? Its units become claimable again.',
  yesClose: 'Yes, close it',
  yesDelete: 'Yes, delete it',
  noCases: 'No case yet: claim missing units from the Missing products view.',
  dropTitle: 'Drop your Amazon reports here',
  dropHelp:
    'Inventory ledger, reimbursements, customer returns, settlements, inbound shipments, product costs: the kind is recognised from the header.',
  chooseFiles: 'Choose files',
  uploading: 'Sending {percent}%',
  processing: 'Importing: {rows} rows read',
  importsTitle: 'Recent imports',
  file: 'File',
  kind: 'Kind',
  rows: 'Rows',
  inserted: 'New',
  duplicates: 'Duplicates',
  problems: 'Problems',
  line: 'line {line}',
  noImports: 'No import yet.',
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Done',
  FAILED: 'Refused',
  LEDGER: 'Inventory ledger',
  REIMBURSEMENTS: 'Reimbursements',
  CUSTOMER_RETURNS: 'Customer returns',
  SETTLEMENT: 'Settlement',
  INBOUND_SHIPMENTS: 'Inbound shipments',
  PRODUCT_COSTS: 'Product costs',
  REMOVAL_ORDERS: 'Removal orders',
  REMOVAL_SHIPMENTS: 'Removal shipments',
  REMOVAL_RECEIPTS: 'Removal receipts',
  amazonTitle: 'Amazon (Selling Partner API)',
  amazonHelp:
    'Connect once and Reclaim fetches your reports from Amazon every day. The secret and the refresh token are stored encrypted and never shown again.',
  amazonClientId: 'LWA client id',
  amazonClientSecret: 'LWA client secret',
  amazonRefreshToken: 'Refresh token',
  amazonMarketplaces: 'Marketplace ids',
  amazonConnect: 'Connect to Amazon',
  amazonUnavailable:
    'This server cannot connect to Amazon yet: its operator must set RECLAIM_SECRET_KEY (openssl rand -hex 32), which seals the credentials, and restart Reclaim. Until then, upload the reports here.',
  amazonConnected: 'Connected',
  amazonRefused: 'Amazon refused the connection',
  amazonRunning: 'Syncing now…',
  amazonLast: 'Last sync {at} UTC',
  amazonNext: 'next {at} UTC',
  amazonSyncNow: 'Sync now',
  amazonReconnect: 'Connect again',
  amazonFeed: 'Feed',
  feed_INBOUND_SHIPMENTS: 'Inbound shipments',
  feed_LEDGER: 'Inventory ledger',
  feed_REIMBURSEMENTS: 'Reimbursements',
  feed_CUSTOMER_RETURNS: 'Customer returns',
  feed_SETTLEMENTS: 'Settlements',
  feed_REFUNDS: 'Refunds not settled yet',
  feed_REMOVAL_ORDERS: 'Removal orders',
  feed_REMOVAL_SHIPMENTS: 'Removal shipments',
  sync_PENDING: 'To do',
  sync_WAITING: 'Waiting for Amazon',
  syncWakeAt: 'looks again {at} UTC',
  sync_SUCCEEDED: 'Done',
  sync_FAILED: 'Failed',
};

export type Key = keyof typeof en;

const fr: Record<Key, string> = {
  appName: 'Reclaim',
  tagline: 'Ce qu’Amazon vous doit',
  tokenTitle: 'Ouvrir votre compte',
  tokenLabel: 'Jeton du compte',
  tokenHelp: 'Le jeton donné par Reclaim à la création du compte (rcl_…). Il ne reste que dans cet onglet.',
  open: 'Ouvrir',
  signOut: 'Se déconnecter',
  language: 'English',
  languageName: 'Langue',
  navName: 'Vues',
  totalsName: 'Totaux',
  colon: '\u00a0: ',
  navMissing: 'Produits manquants',
  navCases: 'Dossiers',
  navImports: 'Importations',
  totalsMissing: 'Manquants',
  totalsClaimable: 'Réclamables maintenant',
  totalsClaimed: 'Réclamés (en attente)',
  claimedHelp: 'Unités réclamées dans des dossiers ouverts qu’Amazon n’a pas encore payés.',
  reimbursedHelp: 'Ce qu’Amazon a payé pour vos dossiers.',
  missingHelp:
    'Unités manquantes et non expirées\u00a0: réclamables maintenant, ou plus tard une fois le délai d’attente d’Amazon passé.',
  totalsExpired: 'Expirés',
  totalsReimbursable: 'Remboursable',
  totalsReimbursed: 'Remboursé',
  totalsExpectedPayout: 'Paiement attendu',
  totalsUnderpaid: 'Sous-payé',
  reimbursableHelp:
    'Ce que valent les unités manquantes selon votre valorisation (dernier prix de vente, sinon votre coût).',
  expectedPayoutHelp:
    'Ce que la politique actuelle d’Amazon paie pour les unités manquantes\u00a0: votre coût de fabrication pour les unités perdues ou endommagées dans ses entrepôts (depuis le 10 mars 2025), le prix de la commande moins les frais pour les remboursements non retournés.',
  underpaidHelp: 'Ce qui manque aux remboursements d’Amazon par rapport à sa propre politique.',
  expectedPayout: 'Paiement attendu',
  basis_MANUFACTURING_COST: 'coût de fabrication',
  basis_COST_UNKNOWN: 'coût inconnu',
  basis_SALE_PRICE: 'prix de vente',
  basis_ORDER_PRICE_LESS_FEES: 'prix de la commande moins les frais',
  basis_ORDER_PRICE_FEES_UNKNOWN: 'prix remboursé, frais inconnus',
  costUnknownTitle: 'Produits sans coût',
  costUnknownOne:
    '1 produit n’a pas de coût\u00a0: Amazon paie désormais le coût de fabrication, Reclaim ne peut donc pas dire ce qu’il paiera.',
  costUnknownMany:
    '{count} produits n’ont pas de coût\u00a0: Amazon paie désormais le coût de fabrication, Reclaim ne peut donc pas dire ce qu’il paiera.',
  costUnknownMore: 'et {count} autres',
  costUnknownLink: 'Importer votre fichier de coûts',
  wizardCostUnknown: 'Aucun coût connu pour {skus}\u00a0: Amazon paie ces unités à votre coût de fabrication.',
  costsTitle: 'Votre fichier de coûts',
  costsHelp:
    'Une ligne par SKU avec les colonnes sku, cost et currency (par exemple SKU-MUG-01, 5.10, USD), séparées par des tabulations ou des virgules\u00a0: le coût est ce qu’une unité vous a coûté à fabriquer ou à acheter, sans transport, douane ni emballage. Amazon paie à ce coût les unités perdues ou endommagées dans ses entrepôts depuis le 10 mars 2025\u00a0: saisissez les mêmes coûts sur la page «\u00a0Gérer votre coût de fabrication\u00a0» de Seller Central.',
  costsChoose: 'Choisir le fichier de coûts',
  underpaidTitle: 'Remboursements sous-payés',
  underpaidIntro:
    'Amazon a payé ces lignes moins de 95\u00a0% de ce que prévoit sa propre politique. Demandez à Amazon de réexaminer chacune\u00a0: les preuves et le texte sont prêts.',
  reimbursementId: 'Remboursement',
  date: 'Date',
  paid: 'Payé',
  expected: 'Attendu',
  shortfall: 'Manque',
  askReview: 'Demander un réexamen',
  askReviewOf: 'Demander le réexamen du remboursement {id}',
  reviewTitle: 'Réexamen du remboursement {id}',
  reviewStep1Help:
    'Le fichier Excel montre la ligne, ce qu’Amazon a payé, ce que prévoit sa politique et les lignes de coût ou de commande dont cela provient.',
  units_one: '{count} unité',
  units_other: '{count} unités',
  amazonCounts: 'Amazon\u00a0: {reconciled} rapprochées, {unreconciled} non rapprochées',
  amazonSettled: 'Amazon considère cet événement comme réglé\u00a0: vérifiez avant de le réclamer',
  filterType: 'Type',
  allTypes: 'Tous les types',
  sortBy: 'Trier par',
  sortUrgency: 'Plus urgent',
  sortSku: 'SKU',
  sortValue: 'Remboursable',
  product: 'Produit',
  types: 'Types',
  missingClaimed: 'Manquants | Réclamés',
  expired: 'Expirés',
  reimbursable: 'Remboursable',
  nextDeadline: 'Prochaine échéance',
  actions: 'Actions',
  claim: 'Réclamer',
  claimType: 'Réclamer\u00a0: {type}',
  claimableNow: 'Réclamables maintenant',
  daysLeft_one: '{count} jour restant',
  daysLeft_other: '{count} jours restants',
  now: 'maintenant',
  later: 'plus tard',
  valueBasis_SALE_PRICE: 'dernier prix de vente',
  valueBasis_COST: 'votre coût',
  reimbursableHow:
    '{value} par unité ({basis}). Réclamable maintenant\u00a0: {now}. Pas encore réclamable\u00a0: {later}.',
  reimbursableUnits: '{units}, {amount}',
  typeClaimable_one: '{count} réclamable maintenant',
  typeClaimable_other: '{count} réclamables maintenant',
  typeWaiting_one: '{count} pas encore réclamable',
  typeWaiting_other: '{count} pas encore réclamables',
  typeClaimed_one: '{count} réclamée',
  typeClaimed_other: '{count} réclamées',
  typeExpired_one: '{count} expirée',
  typeExpired_other: '{count} expirées',
  pageOf: 'Page {page} sur {pages}',
  products_one: '{count} produit',
  products_other: '{count} produits',
  lines_one: '{count} ligne',
  lines_other: '{count} lignes',
  claimColumn: 'Réclamer',
  today: 'échéance aujourd’hui',
  noMissing: 'Rien ne manque\u00a0: importez vos rapports Amazon pour trouver ce qui vous est dû.',
  previous: 'Page précédente',
  next: 'Page suivante',
  loading: 'Chargement…',
  LOST: 'Perdu',
  DAMAGED: 'Endommagé',
  INBOUND: 'Expédition',
  UNRETURNED: 'Non retourné',
  REMOVAL: 'Retrait',
  removalWaitingTitle: 'Retraits en attente de votre réception',
  removalWaitingHelp:
    'Vous seul savez ce qui est arrivé\u00a0: saisissez les unités reçues de chaque envoi. Ce qui manque se réclame de 15 à 75 jours après l’envoi.',
  removalOrder: 'Ordre de retrait',
  removalTracking: 'Suivi',
  removalShipped: 'Expédié le',
  removalShippedUnits: 'Unités expédiées',
  removalReceived: 'Unités reçues',
  removalReceivedFor: 'Unités reçues de {shipment}',
  removalSave: 'Enregistrer',
  deadlineAlert_one: '{sku}\u00a0: {count} unité ({type}) à réclamer avant le {deadline}',
  deadlineAlert_other: '{sku}\u00a0: {count} unités ({type}) à réclamer avant le {deadline}',
  wizardTitle: 'Réclamer\u00a0: {type}',
  wizardProducts: 'Produits de la réclamation',
  addProduct: 'Ajouter un produit du même type',
  add: 'Ajouter',
  step1: '1. Télécharger les preuves',
  step1Help:
    'Le fichier Excel liste chaque unité manquante, ses dates et ses références. Joignez-le quand Seller Central le demande.',
  download: 'Télécharger le fichier Excel',
  step2: '2. Copier la description',
  copy: 'Copier',
  copied: 'Copié',
  step3: '3. Ouvrir le dossier dans Seller Central',
  openSellerCentral: 'Ouvrir Seller Central',
  caseIdLabel: 'Numéro de dossier Amazon',
  caseIdHelp: 'Le numéro donné par Seller Central\u00a0: 8 à 12 chiffres.',
  save: 'Enregistrer',
  cancel: 'Annuler',
  close: 'Fermer',
  casesTotal: 'Remboursé par Amazon\u00a0:',
  caseId: 'Dossier',
  type: 'Type',
  status: 'État',
  claimed: 'Réclamés',
  reimbursed: 'Remboursé',
  opened: 'Ouvert le',
  evidence: 'Preuves',
  downloadShort: 'Excel',
  OPEN: 'Ouvert',
  REIMBURSED: 'Remboursé',
  CLOSED: 'Fermé',
  closeCase: 'Fermer le dossier {id}',
  deleteCase: 'Supprimer le dossier {id}',
  confirmClose: 'Fermer le dossier {id}\u00a0? Amazon ne l’a pas payé en entier.',
  confirmDelete: 'Supprimer le dossier {id}\u00a0? Ses unités redeviennent réclamables.',
  yesClose: 'Oui, fermer',
  yesDelete: 'Oui, supprimer',
  noCases: 'Aucun dossier\u00a0: réclamez les unités manquantes depuis la vue Produits manquants.',
  dropTitle: 'Déposez vos rapports Amazon ici',
  dropHelp:
    'Registre d’inventaire, remboursements, retours clients, règlements, expéditions, coûts\u00a0: le type est reconnu à l’en-tête.',
  chooseFiles: 'Choisir des fichiers',
  uploading: 'Envoi {percent}\u00a0%',
  processing: 'Importation\u00a0: {rows} lignes lues',
  importsTitle: 'Importations récentes',
  file: 'Fichier',
  kind: 'Type',
  rows: 'Lignes',
  inserted: 'Nouvelles',
  duplicates: 'Doublons',
  problems: 'Problèmes',
  line: 'ligne {line}',
  noImports: 'Aucune importation.',
  QUEUED: 'En attente',
  RUNNING: 'En cours',
  SUCCEEDED: 'Terminé',
  FAILED: 'Refusé',
  LEDGER: 'Registre d’inventaire',
  REIMBURSEMENTS: 'Remboursements',
  CUSTOMER_RETURNS: 'Retours clients',
  SETTLEMENT: 'Règlement',
  INBOUND_SHIPMENTS: 'Expéditions entrantes',
  PRODUCT_COSTS: 'Coûts des produits',
  REMOVAL_ORDERS: 'Ordres de retrait',
  REMOVAL_SHIPMENTS: 'Envois de retrait',
  REMOVAL_RECEIPTS: 'Réceptions de retrait',
  amazonTitle: 'Amazon (Selling Partner API)',
  amazonHelp:
    'Connectez-vous une fois et Reclaim récupère vos rapports chez Amazon chaque jour. Le secret et le jeton de rafraîchissement sont chiffrés et ne sont plus jamais affichés.',
  amazonClientId: 'Identifiant client LWA',
  amazonClientSecret: 'Secret client LWA',
  amazonRefreshToken: 'Jeton de rafraîchissement',
  amazonMarketplaces: 'Identifiants de places de marché',
  amazonConnect: 'Se connecter à Amazon',
  amazonUnavailable:
    'Ce serveur ne peut pas encore se connecter à Amazon\u00a0: son administrateur doit définir RECLAIM_SECRET_KEY (openssl rand -hex 32), qui chiffre les identifiants, puis redémarrer Reclaim. En attendant, importez les rapports ici.',
  amazonConnected: 'Connecté',
  amazonRefused: 'Amazon a refusé la connexion',
  amazonRunning: 'Synchronisation en cours…',
  amazonLast: 'Dernière synchronisation {at} UTC',
  amazonNext: 'prochaine {at} UTC',
  amazonSyncNow: 'Synchroniser',
  amazonReconnect: 'Se reconnecter',
  amazonFeed: 'Flux',
  feed_INBOUND_SHIPMENTS: 'Expéditions entrantes',
  feed_LEDGER: 'Registre d’inventaire',
  feed_REIMBURSEMENTS: 'Remboursements',
  feed_CUSTOMER_RETURNS: 'Retours clients',
  feed_SETTLEMENTS: 'Règlements',
  feed_REFUNDS: 'Remboursements clients non réglés',
  feed_REMOVAL_ORDERS: 'Ordres de retrait',
  feed_REMOVAL_SHIPMENTS: 'Expéditions de retrait',
  sync_PENDING: 'À faire',
  sync_WAITING: 'En attente d’Amazon',
  syncWakeAt: 'prochaine vérification {at} UTC',
  sync_SUCCEEDED: 'Terminé',
  sync_FAILED: 'Échec',
};

export type Language = 'en' | 'fr';
const LANGUAGE_KEY = 'reclaim.language';
const dictionaries: Record<Language, Record<Key, string>> = { en, fr };

function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const language = signal<Language>(initialLanguage());

export function setLanguage(next: Language): void {
  localStorage.setItem(LANGUAGE_KEY, next);
  document.documentElement.lang = next;
  language.value = next;
}

export function t(key: Key, params: Record<string, string | number> = {}): string {
  return dictionaries[language.value][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The locale Intl formats numbers, dates and plurals in. */
export function locale(): string {
  return language.value === 'fr' ? 'fr-FR' : 'en-US';
}

type Plural<K extends string> = K extends `${infer Base}_other` ? Base : never;
/** The keys that have plural forms (`key_one`, `key_other`…, chosen by Intl.PluralRules). */
export type PluralKey = Plural<Key>;

/** A sentence about `count` things, in the plural form the language gives that number; `{count}` is formatted. */
export function tn(key: PluralKey, count: number, params: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(locale()).select(count);
  const chosen = `${key}_${form}` in dictionaries[language.value] ? (`${key}_${form}` as Key) : (`${key}_other` as Key);
  return t(chosen, { ...params, count: number(count) });
}

/** A whole number with the language's thousands separator (36,401; 36 401). */
export function number(value: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value);
}

/**
 * A day (YYYY-MM-DD, or the day of an ISO instant, UTC) as the language writes it (Jun 19, 2025; 19 juin 2025), with
 * non-breaking spaces so that a date never breaks across lines.
 */
export function day(value: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' })
    .format(date)
    .replace(/ /g, '\u00a0');
}

/** An instant to the minute, UTC, as the language writes it. */
export function instant(value: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
    .format(new Date(value))
    .replace(/ /g, '\u00a0');
}

/**
 * Money as the seller's language writes it (25.98 USD, 1,234.50 USD; 25,98 USD, 1 234,50 USD), from the decimal
 * string the API gives: Intl formats the string itself, so no float ever touches an amount.
 */
export function money(value: { amount: string; currency: string } | null | undefined): string {
  if (!value) return '—';
  const format = new Intl.NumberFormat(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // A numeric string keeps its exact decimal value (Intl.NumberFormat v3); the types only know numbers.
  return `${format.format(value.amount as unknown as number)}\u00a0${value.currency}`;
}

/** An amount in cents, exactly (the API gives at most two decimals). */
export function toCents(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  return amount.startsWith('-') ? -cents : cents;
}

/** The sums of amounts per currency, exactly. */
export function sumMoney(
  values: ReadonlyArray<{ amount: string; currency: string }>,
): Array<{ amount: string; currency: string }> {
  const cents = new Map<string, bigint>();
  for (const value of values) cents.set(value.currency, (cents.get(value.currency) ?? 0n) + toCents(value.amount));
  return [...cents].map(([currency, total]) => {
    const sign = total < 0n ? '-' : '';
    const absolute = total < 0n ? -total : total;
    return { amount: `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`, currency };
  });
}
