import { ActivityAnchorEntity } from './activity-anchor.entity';
import { ActivityNodeEntity } from './activity-node.entity';
import { ActivityRowEntity } from './activity-row.entity';
import { ActivityStateEntity } from './activity-state.entity';

/** Register these with the service's data source (and its migrations) to keep an activity log. */
export const ACTIVITY_ENTITIES = [ActivityRowEntity, ActivityNodeEntity, ActivityStateEntity, ActivityAnchorEntity];
