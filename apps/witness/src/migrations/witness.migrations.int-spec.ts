import { pendingSchemaChanges } from '@bureaunet/persistence';
import { WITNESS_ENTITIES } from '../witness.module';
import { WITNESS_MIGRATIONS } from './index';

describe('the witness schema', () => {
  it('is made by its migrations exactly as its entities declare', async () => {
    expect((await pendingSchemaChanges(WITNESS_ENTITIES, WITNESS_MIGRATIONS)).up).toEqual([]);
  });
});
