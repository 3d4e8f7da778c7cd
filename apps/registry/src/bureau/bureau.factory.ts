import { GATEWAY_CODE, HUB_CODE, type BureauCode, type BureauRole } from '@bureaunet/contracts';
import { BureauEntity } from './bureau.entity';

export function roleForCode(code: BureauCode): BureauRole {
  if (code === HUB_CODE) return 'hub';
  if (code === GATEWAY_CODE) return 'gateway';
  return 'bureau';
}

/** A bureau as it is registered: active, its role taken from its code, not yet versioned. */
export function newBureau(code: BureauCode, now: Date): BureauEntity {
  return Object.assign(new BureauEntity(), {
    code,
    role: roleForCode(code),
    status: 'active',
    version: 0,
    createdAt: now,
    updatedAt: now,
  });
}
