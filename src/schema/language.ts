// The languages a case description, its guidance and an underpaid review can be written in (docs/api.md).

import { DESCRIPTION_LANGUAGES } from '../domain/claims/description.js';
import { builder } from './builder.js';

export const DescriptionLanguageEnum = builder.enumType('DescriptionLanguage', { values: DESCRIPTION_LANGUAGES });
