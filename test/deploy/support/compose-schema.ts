import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Ajv, { ErrorObject } from 'ajv';

/**
 * The Compose Specification's JSON schema, as shipped by the `dclint` package (a current copy
 * of compose-spec's schema/compose-spec.json). docs/adr/0601-deploy-validation-tools.md says why.
 */
export function composeSchemaPath(): string {
  return resolve(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
}

export type ComposeValidator = (document: unknown) => ErrorObject[];

export function composeValidator(): ComposeValidator {
  const schema = JSON.parse(readFileSync(composeSchemaPath(), 'utf8'));
  // The schema is draft-07, ajv's own draft, but names it by an https URL ajv does not register;
  // it also uses annotations ajv does not know ("deprecated"), hence strict: false.
  if (!/json-schema\.org\/draft-07\/schema/.test(schema.$schema)) {
    throw new Error(`the Compose schema changed draft (${schema.$schema}): use the matching Ajv class`);
  }
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  return (document) => (validate(document) ? [] : [...(validate.errors ?? [])]);
}

export function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}
