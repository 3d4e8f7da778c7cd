import type { ConsoleRoute } from '../shell/console-route';

export const OFFICER_ROUTES: ConsoleRoute[] = [];
