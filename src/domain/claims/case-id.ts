// docs/rules.md section 5: "The Amazon case ID is the number Seller Central gave the case: digits only, 8 to 12 of them."

/** The case ID as saved (spaces around it dropped), or undefined when it is not 8 to 12 digits. */
export function amazonCaseIdOf(text: string): string | undefined {
  const trimmed = text.trim();
  return /^\d{8,12}$/.test(trimmed) ? trimmed : undefined;
}
