// The schema: one file per entity, each holding its type with its queries, mutations and subscriptions.
import { builder } from './builder.js';
import './scalars.js';
import './errors.js';
import './money.js';
import './account.js';
import './product.js';
import './import.js';
import './case.js';
import './claim.js';
import './underpaid.js';
import './history.js';
import './removal.js';
import './amazon.js';
import './token.js';
import './subscription.js';

export const schema = builder.toSchema({ sortSchema: true });
