import { generateKeyPairSync } from 'node:crypto';
import { NOTE_SIGNATURE_TYPE, formatVerifierKey, rawEd25519PublicKey } from '@bureaunet/witness';
import { readWitnessConfig } from './witness.config';

describe('readWitnessConfig', () => {
  const valid = () => ({ WITNESS_LOGS: logVkey() });

  it('keeps the witness on SQLite when DATABASE_URL is unset, and on PostgreSQL when it is set', () => {
    expect(readWitnessConfig(valid()).databaseUrl).toBeUndefined();
    expect(readWitnessConfig({ ...valid(), DATABASE_URL: 'postgres://witness@db/witness' }).databaseUrl).toBe(
      'postgres://witness@db/witness',
    );
  });

  it('refuses a DATABASE_URL that is not a URL, naming the variable', () => {
    expect(() => readWitnessConfig({ ...valid(), DATABASE_URL: 'witness.sqlite' })).toThrow(
      /DATABASE_URL is not a URL/,
    );
  });
});

function logVkey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return formatVerifierKey({
    name: 'log.example/test',
    type: NOTE_SIGNATURE_TYPE.ed25519,
    publicKey: rawEd25519PublicKey(privateKey),
  });
}
