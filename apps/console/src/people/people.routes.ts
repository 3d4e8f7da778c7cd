import type { ConsoleRoute } from '../shell/console-route';

export const PEOPLE_ROUTES: ConsoleRoute[] = [];
