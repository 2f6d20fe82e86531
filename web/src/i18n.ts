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
  navMissing: 'Missing products',
  navCases: 'Cases',
  navImports: 'Imports',
  totalsMissing: 'Missing',
  totalsClaimable: 'Claimable now',
  totalsClaimed: 'Claimed',
  totalsExpired: 'Expired',
  totalsReimbursable: 'Reimbursable',
  totalsReimbursed: 'Reimbursed',
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
  daysLeft: '{days} days left',
  dayLeft: '1 day left',
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
  deadlineAlert: '{sku}: {units} {type} units must be claimed by {deadline}',
  wizardTitle: 'Claim {type} units',
  wizardProducts: 'Products in this claim',
  addProduct: 'Add a product of the same type',
  add: 'Add',
  units: 'units',
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
  casesTotal: 'Reimbursed by Amazon',
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
  amazonTitle: 'Amazon (Selling Partner API)',
  amazonHelp:
    'Connect once and Reclaim fetches your reports from Amazon every day. The secret and the refresh token are stored encrypted and never shown again.',
  amazonClientId: 'LWA client id',
  amazonClientSecret: 'LWA client secret',
  amazonRefreshToken: 'Refresh token',
  amazonMarketplaces: 'Marketplace ids',
  amazonConnect: 'Connect to Amazon',
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
  sync_PENDING: 'To do',
  sync_WAITING: 'Waiting for Amazon',
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
  navMissing: 'Produits manquants',
  navCases: 'Dossiers',
  navImports: 'Imports',
  totalsMissing: 'Manquants',
  totalsClaimable: 'Réclamables',
  totalsClaimed: 'Réclamés',
  totalsExpired: 'Expirés',
  totalsReimbursable: 'Remboursable',
  totalsReimbursed: 'Remboursé',
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
  claimType: 'Réclamer : {type}',
  daysLeft: '{days} jours restants',
  dayLeft: '1 jour restant',
  today: 'échéance aujourd’hui',
  noMissing: 'Rien ne manque : importez vos rapports Amazon pour trouver ce qui vous est dû.',
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
    "Vous seul savez ce qui est arrivé : saisissez les unités reçues de chaque envoi. Ce qui manque se réclame de 15 à 75 jours après l'envoi.",
  removalOrder: 'Ordre de retrait',
  removalTracking: 'Suivi',
  removalShipped: 'Expédié le',
  removalShippedUnits: 'Unités expédiées',
  removalReceived: 'Unités reçues',
  removalReceivedFor: 'Unités reçues de {shipment}',
  removalSave: 'Enregistrer',
  deadlineAlert: '{sku} : {units} unités ({type}) à réclamer avant le {deadline}',
  wizardTitle: 'Réclamer : {type}',
  wizardProducts: 'Produits de la réclamation',
  addProduct: 'Ajouter un produit du même type',
  add: 'Ajouter',
  units: 'unités',
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
  caseIdHelp: 'Le numéro donné par Seller Central : 8 à 12 chiffres.',
  save: 'Enregistrer',
  cancel: 'Annuler',
  close: 'Fermer',
  casesTotal: 'Remboursé par Amazon',
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
  confirmClose: 'Fermer le dossier {id} ? Amazon ne l’a pas payé en entier.',
  confirmDelete: 'Supprimer le dossier {id} ? Ses unités redeviennent réclamables.',
  yesClose: 'Oui, fermer',
  yesDelete: 'Oui, supprimer',
  noCases: 'Aucun dossier : réclamez les unités manquantes depuis la vue Produits manquants.',
  dropTitle: 'Déposez vos rapports Amazon ici',
  dropHelp:
    'Registre d’inventaire, remboursements, retours clients, règlements, expéditions, coûts : le type est reconnu à l’en-tête.',
  chooseFiles: 'Choisir des fichiers',
  uploading: 'Envoi {percent} %',
  processing: 'Import : {rows} lignes lues',
  importsTitle: 'Imports récents',
  file: 'Fichier',
  kind: 'Type',
  rows: 'Lignes',
  inserted: 'Nouvelles',
  duplicates: 'Doublons',
  problems: 'Problèmes',
  line: 'ligne {line}',
  noImports: 'Aucun import.',
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
  amazonTitle: 'Amazon (Selling Partner API)',
  amazonHelp:
    'Connectez-vous une fois et Reclaim récupère vos rapports chez Amazon chaque jour. Le secret et le jeton de rafraîchissement sont chiffrés et ne sont plus jamais affichés.',
  amazonClientId: 'Identifiant client LWA',
  amazonClientSecret: 'Secret client LWA',
  amazonRefreshToken: 'Jeton de rafraîchissement',
  amazonMarketplaces: 'Identifiants de places de marché',
  amazonConnect: 'Se connecter à Amazon',
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
  sync_PENDING: 'À faire',
  sync_WAITING: 'En attente d’Amazon',
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

/**
 * Money as the seller's language writes it (25.98 USD, 1,234.50 USD; 25,98 USD, 1 234,50 USD), from the decimal
 * string the API gives: no float ever touches an amount.
 */
export function money(value: { amount: string; currency: string } | null | undefined): string {
  if (!value) return '—';
  const negative = value.amount.startsWith('-');
  const [whole = '0', fraction = ''] = value.amount.replace(/^-/, '').split('.');
  const french = language.value === 'fr';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, french ? '\u202f' : ',');
  const cents = fraction.padEnd(2, '0');
  return `${negative ? '-' : ''}${grouped}${french ? ',' : '.'}${cents} ${value.currency}`;
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
