import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { BUREAUNET_SCHEMA } from './bureaunet.schema';

const SCHEMA_NAME = 'bureaunet-schema';
let prepared = false;

/** The schema parsed once into cedar-wasm, for requests checked against it. */
export function preparedSchemaName(): string {
  if (!prepared) {
    const answer = cedar.preparseSchema(SCHEMA_NAME, BUREAUNET_SCHEMA);
    if (answer.type === 'failure')
      throw new Error(`the built-in schema does not parse: ${answer.errors.map((error) => error.message).join('; ')}`);
    prepared = true;
  }
  return SCHEMA_NAME;
}
