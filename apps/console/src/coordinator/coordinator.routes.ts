import { inEveryLocale } from '../i18n/strings';
import type { ConsoleRoute } from '../shell/console-route';
import { COORDINATOR_STRINGS } from './coordinator.strings';
import { OperationBoardPage } from './operation-board.page';

/** The operation coordinator's board, at a bureau's node (operations are created at the registry). */
export const COORDINATOR_ROUTES: ConsoleRoute[] = [
  {
    path: '/operations/board',
    label: inEveryLocale(COORDINATOR_STRINGS, 'board'),
    roles: ['coordinator'],
    services: ['node'],
    hub: false,
    page: OperationBoardPage,
  },
  { path: '/operations/board/:id', roles: ['coordinator'], services: ['node'], hub: false, page: OperationBoardPage },
];
