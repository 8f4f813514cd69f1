// Portworx Backup's API definitions as validators of the `backup-create` detail, for the e2e
// tests: api/px-backup-api.json (the vendor's swagger definitions) and the SPEC's contract on
// top (api/backup-create-contract.json). The schema is built as the native tests build it
// (crates/backup-matrix/tests/api.rs): the definitions are embedded, and every object without
// `additionalProperties` gets `false`, so that a field the API does not define is an error.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

const read = (file) => JSON.parse(readFileSync(new URL(`../../api/${file}`, import.meta.url), 'utf8'));

/** Closes every object schema: `additionalProperties: false` unless it says otherwise. */
function closed(schema) {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if (out.type === 'object' && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

const api = read('px-backup-api.json');
const definitions = closed(api.definitions);
const ajv = new Ajv({ allErrors: true, strictTypes: false });

/** For each path of the API file: a validator of the whole detail, body by that path's definition. */
const byPath = new Map(
  Object.entries(api.paths).map(([path, definition]) => [
    path,
    ajv.compile({
      type: 'object',
      additionalProperties: false,
      required: ['method', 'path', 'body'],
      properties: {
        method: { const: 'POST' },
        path: { const: path },
        body: { $ref: `#/definitions/${definition}` },
      },
      definitions,
    }),
  ]),
);
const contract = ajv.compile(read('backup-create-contract.json'));

const describe = (errors) => (errors ?? []).map((e) => `${e.instancePath || '(detail)'} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''}`);

/** What is wrong with a detail by the API's definitions and the contract; empty when nothing is. */
export function requestErrors(detail) {
  const validate = byPath.get(detail?.path);
  if (!validate) return [`${JSON.stringify(detail?.path)} is no path of the API file (${[...byPath.keys()].join(', ')})`];
  const errors = [];
  if (!validate(detail)) errors.push(...describe(validate.errors));
  if (!contract(detail)) errors.push(...describe(contract.errors).map((e) => `contract: ${e}`));
  return errors;
}

/** Fails unless the detail is what Portworx Backup's API accepts, with the SPEC's fields. */
export function assertApiRequest(assert, detail, where) {
  assert.deepEqual(requestErrors(detail), [], `${where}: ${JSON.stringify(detail)}`);
}
