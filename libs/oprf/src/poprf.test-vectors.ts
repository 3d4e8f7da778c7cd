/*
 * RFC 9497 appendix A.1.3, "ristretto255-SHA512, POPRF Mode": the key material and the three
 * test vectors (two of batch size 1, one of batch size 2), values copied from the RFC's source
 * text, cfrg/draft-irtf-cfrg-voprf `draft-irtf-cfrg-voprf.md` at 43da59f (the published RFC's
 * appendix; skSm and pkSm agree with every independent implementation checked). Batch values are
 * comma-separated in the RFC and arrays here. Test fixture only: nothing outside *.spec.ts imports it.
 */

const hex = (h: string): Buffer => Buffer.from(h, 'hex');

export const POPRF_KEY = {
  seed: hex('a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3'),
  keyInfo: hex('74657374206b6579'), // "test key"
  skSm: hex('145c79c108538421ac164ecbe131942136d5570b16d8bf41a24d4337da981e07'),
  pkSm: hex('c647bef38497bc6ec077c22af65b696efa43bff3b4a1975a3e8e0a1c5a79d631'),
};

export interface PoprfVector {
  name: string;
  input: Buffer[];
  info: Buffer;
  blind: Buffer[];
  blindedElement: Buffer[];
  evaluationElement: Buffer[];
  proof: Buffer;
  proofRandomScalar: Buffer;
  output: Buffer[];
}

const list = (h: string): Buffer[] => h.split(',').map(hex);

export const POPRF_VECTORS: readonly PoprfVector[] = [
  {
    name: 'Test Vector 1, Batch Size 1',
    input: list('00'),
    info: hex('7465737420696e666f'), // "test info"
    blind: list('64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706'),
    blindedElement: list('c8713aa89241d6989ac142f22dba30596db635c772cbf25021fdd8f3d461f715'),
    evaluationElement: list('1a4b860d808ff19624731e67b5eff20ceb2df3c3c03b906f5693e2078450d874'),
    proof: hex(
      '41ad1a291aa02c80b0915fbfbb0c0afa15a57e2970067a602ddb9e8fd6b7100de32e1ecff943a36f0b10e3dae6bd266cdeb8adf825d86ef27dbc6c0e30c52206',
    ),
    proofRandomScalar: hex('222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e'),
    output: list(
      'ca688351e88afb1d841fde4401c79efebb2eb75e7998fa9737bd5a82a152406d38bd29f680504e54fd4587eddcf2f37a2617ac2fbd2993f7bdf45442ace7d221',
    ),
  },
  {
    name: 'Test Vector 2, Batch Size 1',
    input: list('5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a'),
    info: hex('7465737420696e666f'), // "test info"
    blind: list('64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706'),
    blindedElement: list('f0f0b209dd4d5f1844dac679acc7761b91a2e704879656cb7c201e82a99ab07d'),
    evaluationElement: list('8c3c9d064c334c6991e99f286ea2301d1bde170b54003fb9c44c6d7bd6fc1540'),
    proof: hex(
      '4c39992d55ffba38232cdac88fe583af8a85441fefd7d1d4a8d0394cd1de77018bf135c174f20281b3341ab1f453fe72b0293a7398703384bed822bfdeec8908',
    ),
    proofRandomScalar: hex('222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e'),
    output: list(
      '7c6557b276a137922a0bcfc2aa2b35dd78322bd500235eb6d6b6f91bc5b56a52de2d65612d503236b321f5d0bebcbc52b64b92e426f29c9b8b69f52de98ae507',
    ),
  },
  {
    name: 'Test Vector 3, Batch Size 2',
    input: list('00,5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a'),
    info: hex('7465737420696e666f'), // "test info"
    blind: list(
      '64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706,222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e',
    ),
    blindedElement: list(
      'c8713aa89241d6989ac142f22dba30596db635c772cbf25021fdd8f3d461f715,423a01c072e06eb1cce96d23acce06e1ea64a609d7ec9e9023f3049f2d64e50c',
    ),
    evaluationElement: list(
      '1a4b860d808ff19624731e67b5eff20ceb2df3c3c03b906f5693e2078450d874,aa1f16e903841036e38075da8a46655c94fc92341887eb5819f46312adfc0504',
    ),
    proof: hex(
      '43fdb53be399cbd3561186ae480320caa2b9f36cca0e5b160c4a677b8bbf4301b28f12c36aa8e11e5a7ef551da0781e863a6dc8c0b2bf5a149c9e00621f02006',
    ),
    proofRandomScalar: hex('419c4f4f5052c53c45f3da494d2b67b220d02118e0857cdbcf037f9ea84bbe0c'),
    output: list(
      'ca688351e88afb1d841fde4401c79efebb2eb75e7998fa9737bd5a82a152406d38bd29f680504e54fd4587eddcf2f37a2617ac2fbd2993f7bdf45442ace7d221,7c6557b276a137922a0bcfc2aa2b35dd78322bd500235eb6d6b6f91bc5b56a52de2d65612d503236b321f5d0bebcbc52b64b92e426f29c9b8b69f52de98ae507',
    ),
  },
];
