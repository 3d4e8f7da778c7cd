// Pure and offline: C2SP signed notes, tlog checkpoints and cosignatures, a witness's core and the
// client's quorum check. No framework, bus or storage (checked by .dependency-cruiser.cjs).
export * from './add-checkpoint.request';
export * from './checkpoint';
export * from './cosignature';
export * from './cosigned-checkpoint.verifier';
export * from './ed25519.raw-key';
export * from './note-key';
export * from './note.signer';
export * from './note.verifier';
export * from './signed-checkpoint';
export * from './signed-note';
export * from './verifier-key';
export * from './witness';
export * from './witness-checkpoint.repository';
export * from './witness.errors';
