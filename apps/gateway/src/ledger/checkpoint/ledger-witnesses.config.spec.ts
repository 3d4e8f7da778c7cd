import { generateKeyPairSync } from 'node:crypto';
import { formatVerifierKey, NOTE_SIGNATURE_TYPE, rawEd25519PublicKey } from '@bureaunet/witness';
import { readLedgerWitnesses } from './ledger-witnesses.config';

const key = (name: string, type: 0x01 | 0x04 = NOTE_SIGNATURE_TYPE.cosignatureV1) =>
  formatVerifierKey({ name, type, publicKey: rawEd25519PublicKey(generateKeyPairSync('ed25519').privateKey) });

describe('LEDGER_WITNESSES', () => {
  it('reads a JSON list of URL and cosignature vkey, none when unset', () => {
    const vkey = key('witness.a.example');
    const [witness] = readLedgerWitnesses(JSON.stringify([{ url: 'https://w.example:8443/', vkey }]));
    expect(witness).toMatchObject({ url: 'https://w.example:8443', vkey, name: 'witness.a.example' });
    expect(witness.publicKey).toHaveLength(32);
    expect(readLedgerWitnesses(undefined)).toEqual([]);
  });

  it('names what is wrong: not JSON, a bad URL, a log key, a name twice', () => {
    expect(() => readLedgerWitnesses('w.example')).toThrow('LEDGER_WITNESSES is not JSON');
    expect(() => readLedgerWitnesses(JSON.stringify([{ url: 'ftp://w', vkey: key('w') }]))).toThrow(
      /LEDGER_WITNESSES: 0\.url must be an http\(s\) URL/,
    );
    expect(() =>
      readLedgerWitnesses(JSON.stringify([{ url: 'http://w', vkey: key('w', NOTE_SIGNATURE_TYPE.ed25519) }])),
    ).toThrow(/LEDGER_WITNESSES: witness key w is of type 0x01, not a cosignature\/v1 key/);
    const twice = [
      { url: 'http://a', vkey: key('w') },
      { url: 'http://b', vkey: key('w') },
    ];
    expect(() => readLedgerWitnesses(JSON.stringify(twice))).toThrow('LEDGER_WITNESSES names one witness twice');
  });
});
