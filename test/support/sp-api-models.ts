// Amazon's published Swagger 2.0 models of the operations Reclaim calls (test/fixtures/sp-api-models), turned into
// checks: the fake Selling Partner API refuses a request the model does not allow (a path, a method, a missing or
// mistyped parameter, one the model does not have or marks deprecated, a body off its schema), and it checks its own
// answers against the model's response schemas, so that the client is tested against the shapes Amazon documents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const MODELS_DIRECTORY = path.resolve(import.meta.dirname, '../fixtures/sp-api-models');
export const MODEL_FILES = ['reports_2021-06-30.json', 'fulfillmentInboundV0.json', 'finances_2024-06-19.json'];

interface SwaggerParameter {
  name: string;
  in: 'query' | 'path' | 'body' | 'header' | 'formData';
  required?: boolean;
  description?: string;
  type?: string;
  items?: Record<string, unknown>;
  collectionFormat?: string;
  schema?: Record<string, unknown>;
  [keyword: string]: unknown;
}

interface SwaggerOperation {
  operationId: string;
  deprecated?: boolean;
  parameters?: SwaggerParameter[];
  responses: Record<string, { schema?: Record<string, unknown> }>;
}

interface Route {
  file: string;
  method: string;
  pattern: RegExp;
  pathNames: string[];
  operation: SwaggerOperation;
}

export interface MatchedOperation {
  name: string;
  route: Route;
  pathParams: Record<string, string>;
}

/** The keywords of a Swagger parameter that are JSON Schema (the rest, name, in, description…, are not). */
const SCHEMA_KEYWORDS = [
  'type',
  'format',
  'items',
  'enum',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
];

function describe(errors: ErrorObject[] | null | undefined, at: string): string[] {
  return (errors ?? []).map((error) => `${at}${error.instancePath} ${error.message ?? 'is invalid'}`.trim());
}

export class SpApiModels {
  private readonly ajv: Ajv;
  private readonly routes: Route[] = [];
  private readonly validators = new Map<string, ReturnType<Ajv['compile']>>();

  constructor(directory = MODELS_DIRECTORY) {
    // Swagger's own keywords (x-docgen-…, example) are not JSON Schema: strict mode would refuse the models.
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    for (const name of ['int32', 'int64']) {
      this.ajv.addFormat(name, { type: 'number', validate: (value: number) => Number.isInteger(value) });
    }
    for (const name of ['double', 'float']) this.ajv.addFormat(name, { type: 'number', validate: () => true });
    for (const file of MODEL_FILES) {
      const model = JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as {
        paths: Record<string, Record<string, SwaggerOperation | SwaggerParameter[]>>;
      };
      this.ajv.addSchema(model, file);
      for (const [template, methods] of Object.entries(model.paths)) {
        const pathNames: string[] = [];
        const pattern = new RegExp(
          `^${template.replace(/\{([^}]+)\}/g, (_all, name: string) => {
            pathNames.push(name);
            return '([^/]+)';
          })}$`,
        );
        for (const [method, operation] of Object.entries(methods)) {
          if (method === 'parameters') continue;
          this.routes.push({
            file,
            method: method.toUpperCase(),
            pattern,
            pathNames,
            operation: operation as SwaggerOperation,
          });
        }
      }
    }
  }

  /** The operation a request names, or why there is none (Amazon answers 404 or 405). */
  match(method: string, pathname: string): MatchedOperation | { missing: 'path' | 'method' } {
    let pathKnown = false;
    for (const route of this.routes) {
      const found = pathname.match(route.pattern);
      if (!found) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const pathParams = Object.fromEntries(
        route.pathNames.map((name, index) => [name, decodeURIComponent(found[index + 1] as string)]),
      );
      return { name: route.operation.operationId, route, pathParams };
    }
    return { missing: pathKnown ? 'method' : 'path' };
  }

  private validator(key: string, schema: Record<string, unknown>) {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(key, validate);
    }
    return validate;
  }

  /** What the model refuses in a request: each problem names the parameter. */
  checkRequest(matched: MatchedOperation, query: URLSearchParams, body: unknown): string[] {
    const { route } = matched;
    const problems: string[] = [];
    if (route.operation.deprecated) problems.push(`${matched.name} is deprecated`);
    const parameters = route.operation.parameters ?? [];
    const known = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(query.keys())) {
      if (!known.has(name)) problems.push(`query parameter ${name} is not a parameter of ${matched.name}`);
      else if (query.getAll(name).length > 1) problems.push(`query parameter ${name} is given more than once`);
    }
    for (const parameter of parameters) {
      const at = `${parameter.in} parameter ${parameter.name}`;
      if (parameter.in === 'body') {
        if (body === undefined) {
          if (parameter.required) problems.push(`the body is required`);
          continue;
        }
        const validate = this.validator(`${route.file}:${matched.name}:body`, {
          $ref: `${route.file}${(parameter.schema as { $ref: string }).$ref}`,
        });
        if (!validate(body)) problems.push(...describe(validate.errors, 'body'));
        continue;
      }
      if (parameter.in !== 'query' && parameter.in !== 'path') continue;
      const raw =
        parameter.in === 'path' ? matched.pathParams[parameter.name] : (query.get(parameter.name) ?? undefined);
      if (raw === undefined || raw === '') {
        if (parameter.required) problems.push(`${at} is required`);
        continue;
      }
      // The models' own words for a parameter that must no longer be sent.
      if (/^\s*deprecated/i.test(parameter.description ?? '')) problems.push(`${at} is deprecated: do not send it`);
      const value = typedValue(parameter, raw);
      if (value === undefined) {
        problems.push(`${at}: "${raw}" is not of type ${parameter.type}`);
        continue;
      }
      const schema = Object.fromEntries(SCHEMA_KEYWORDS.flatMap((k) => (k in parameter ? [[k, parameter[k]]] : [])));
      const validate = this.validator(`${route.file}:${matched.name}:${parameter.in}:${parameter.name}`, schema);
      if (!validate(value)) problems.push(...describe(validate.errors, at));
    }
    return problems;
  }

  /** Where an answer of the fake departs from the model's schema for its status. */
  checkResponse(matched: MatchedOperation, status: number, body: unknown): string[] {
    const response = matched.route.operation.responses[String(status)];
    if (!response) return [`${matched.name} has no ${status} response in its model`];
    if (!response.schema) return [];
    const ref = (response.schema as { $ref?: string }).$ref;
    const schema = ref ? { $ref: `${matched.route.file}${ref}` } : response.schema;
    const validate = this.validator(`${matched.route.file}:${matched.name}:response:${status}`, schema);
    return validate(body) ? [] : describe(validate.errors, `${matched.name} ${status} body`);
  }
}

/** A query value as the model types it: Swagger 2.0 arrays are comma-separated (collectionFormat csv) by default. */
function typedValue(parameter: SwaggerParameter, raw: string): unknown {
  switch (parameter.type) {
    case 'array':
      if ((parameter.collectionFormat ?? 'csv') !== 'csv') return undefined;
      return raw.split(',');
    case 'integer':
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case 'number':
      return Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    default:
      return raw;
  }
}
