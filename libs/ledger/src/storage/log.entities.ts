import { LogLeafEntity } from './log-leaf.entity';
import { LogNodeEntity } from './log-node.entity';
import { LogTreeStateEntity } from './log-tree-state.entity';
import { SignedTreeHeadEntity } from './signed-tree-head.entity';

/** Register these with the app's data source to hold a ledger log. */
export const LEDGER_LOG_ENTITIES = [LogLeafEntity, LogNodeEntity, LogTreeStateEntity, SignedTreeHeadEntity];
