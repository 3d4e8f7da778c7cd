import { generateKeyPairSync } from 'node:crypto';
import { ed25519PrivateKeyFromSeed, rawEd25519PublicKey } from './ed25519.raw-key';
import { formatVerifierKey, NOTE_SIGNATURE_TYPE, noteKeyId, parseSignerKey, parseVerifierKey } from './note-key';
import { signNote } from './note.signer';
import { ed25519NoteSigner } from './note.signer';
import { WitnessError } from './witness.errors';

// golang.org/x/mod/sumdb/note note_test.go (TestNewVerifier, TestSign).
const peterVkey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const peterSkey = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';

describe('note keys', () => {
  it('parses a vkey and recomputes its key ID', () => {
    const key = parseVerifierKey(peterVkey);
    expect(key).toMatchObject({ name: 'PeterNeumann', type: NOTE_SIGNATURE_TYPE.ed25519, keyId: 0xc74f20a3 });
    expect(noteKeyId(key)).toBe(0xc74f20a3);
    expect(formatVerifierKey(key)).toBe(peterVkey);
  });

  it("refuses every substring and every one-byte change of Go's vkey", () => {
    const bytes = Buffer.from(peterVkey, 'latin1');
    const refused = (candidate: string): boolean => {
      try {
        parseVerifierKey(candidate);
        return false;
      } catch (error) {
        return error instanceof WitnessError && error.code === 'malformed-key';
      }
    };
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i + 1; j <= bytes.length; j++) {
        if (i !== 0 || j !== bytes.length) expect(refused(peterVkey.slice(i, j))).toBe(true);
      }
    }
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      changed[i]++;
      expect(refused(changed.toString('latin1'))).toBe(true);
    }
    // Go's: a wrong-length key and an unknown algorithm, each with an adjusted key hash.
    expect(refused('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')).toBe(true);
    expect(refused('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toBe(true);
  });

  it("signs Go's TestSign text to exactly Go's output from its signer key", () => {
    const { name, seed, keyId } = parseSignerKey(peterSkey);
    const signer = ed25519NoteSigner(name, ed25519PrivateKeyFromSeed(seed));
    expect(signer.keyId).toBe(keyId);
    const text =
      "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    expect(signNote(text, [signer])).toBe(
      `${text}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`,
    );
    // Re-signing replaces the signer's old line, as Go's note.Sign does.
    const stale = { name, keyId, signature: Buffer.from('BADSIGN=', 'base64') };
    expect(signNote(text, [signer], [stale])).toBe(signNote(text, [signer]));
  });

  it('derives the RFC 8032 section 7.1 test 1 public key from its secret', () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    expect(rawEd25519PublicKey(ed25519PrivateKeyFromSeed(seed)).toString('hex')).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
  });

  it('gives one key different IDs for note signatures and cosignatures', () => {
    const publicKey = rawEd25519PublicKey(generateKeyPairSync('ed25519').publicKey);
    const plain = noteKeyId({ name: 'w.example/1', type: NOTE_SIGNATURE_TYPE.ed25519, publicKey });
    const cosig = noteKeyId({ name: 'w.example/1', type: NOTE_SIGNATURE_TYPE.cosignatureV1, publicKey });
    expect(plain).not.toBe(cosig);
  });
});
