import { Injectable, NotImplementedException } from '@nestjs/common';
import type { BureauCode, HitNotificationBody } from '@bureaunet/contracts';

export interface HitToNotify {
  checkId: string;
  /** The bureau owning what matched: the document's issuer, or the notice's or diffusion's owner. */
  owner: BureauCode;
  hit: HitNotificationBody['hit'];
  checkedAt: string;
  place: string;
}

export interface StartedHit {
  hitId: string;
  answerBy: string;
}

/**
 * The hit procedure at the checking end: sends the owner a signed hit-notification at once and
 * tracks its answer against the deadline. (Placeholder: the hit procedure's change fills it in.)
 */
@Injectable()
export class HitProcedure {
  notify(_hit: HitToNotify): Promise<StartedHit> {
    throw new NotImplementedException('the hit procedure is not built yet');
  }
}
