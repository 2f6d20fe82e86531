// Step 2 of the wizard: the text to paste into the Seller Central case, in the account's language. The words are in
// one template file per language (templates/); the layout is here.
import type { MissingType, Region } from '../types.js';
import type { Claim, ClaimedEvidence, ClaimProduct } from './claim.js';
import { claimUnits } from './claim.js';
import { englishOf } from './spelling.js';
import { de } from './templates/de.js';
import { en, enGB } from './templates/en.js';
import { es } from './templates/es.js';
import { fr } from './templates/fr.js';
import { it } from './templates/it.js';
import type { UnderpaidTemplate } from './underpaid.js';

export const DESCRIPTION_LANGUAGES = ['EN', 'FR', 'DE', 'IT', 'ES'] as const;
export type DescriptionLanguage = (typeof DESCRIPTION_LANGUAGES)[number];

/** The words of one language. */
export interface ClaimTemplate {
  greeting: string;
  /** The opening sentence: what is claimed, for the whole case. */
  request: Record<MissingType, (units: number, products: number) => string>;
  /** The heading of one product's part. */
  product: (product: ClaimProduct, units: number) => string;
  /** One line of evidence. */
  evidence: Record<MissingType, (line: ClaimedEvidence) => string>;
  /** What is asked of Amazon. */
  ask: Record<MissingType, string>;
  /** Where Amazon finds the seller's cost, when the claim is paid at it (docs/rules.md section 9). */
  manufacturingCost: string;
  attachment: string;
  closing: string;
  /** Asking for the review of an underpaid reimbursement (underpaid.ts). */
  underpaid: UnderpaidTemplate;
}

const TEMPLATES: Readonly<Record<DescriptionLanguage, ClaimTemplate>> = { EN: en, FR: fr, DE: de, IT: it, ES: es };

/** The language of an account's case descriptions (docs/rules.md section 5): its own in the EU, English elsewhere. */
export function descriptionLanguageOf(account: { region: Region; descriptionLanguage: DescriptionLanguage }) {
  // Outside the EU, Seller Central support reads English.
  return account.region === 'EU' ? account.descriptionLanguage : 'EN';
}

export function templateOf(language: DescriptionLanguage): ClaimTemplate {
  return TEMPLATES[language];
}

/** The description of a claim; in English, spelt as the account's region spells it (spelling.ts). */
export function describeClaim(claim: Claim, language: DescriptionLanguage, region: Region): string {
  const words = language === 'EN' && englishOf(region) === 'en-GB' ? enGB : TEMPLATES[language];
  const parts = [words.greeting, '', words.request[claim.type](claimUnits(claim), claim.items.length), ''];
  for (const item of claim.items) {
    parts.push(words.product(item.product, item.units));
    for (const line of item.evidence) parts.push(`- ${words.evidence[claim.type](line)}`);
    parts.push('');
  }
  parts.push(words.ask[claim.type], '');
  if (claim.items.some((item) => item.payoutBasis === 'MANUFACTURING_COST')) parts.push(words.manufacturingCost, '');
  parts.push(words.attachment, '', words.closing, claim.sellerName);
  return parts.join('\n');
}
