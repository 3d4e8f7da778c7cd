import { inEveryLocale } from '../i18n/strings';
import type { ConsoleRoute } from '../shell/console-route';
import { NoticesPage } from './notices.page';
import { ReviewDiffusionsPage } from './review-diffusions.page';
import { ReviewQueuePage } from './review-queue.page';
import { ReviewRequestPage } from './review-request.page';
import { REVIEWER_STRINGS } from './reviewer.strings';

const label = (key: 'queue' | 'diffusions' | 'notices') => inEveryLocale(REVIEWER_STRINGS, key);

/** The hub's reviewer: the review queue, a request with its possible duplicates, diffusions to check; notices everywhere. */
export const REVIEWER_ROUTES: ConsoleRoute[] = [
  {
    path: '/review',
    label: label('queue'),
    roles: ['reviewer'],
    services: ['node'],
    hub: true,
    page: ReviewQueuePage,
  },
  { path: '/review/:id', roles: ['reviewer'], services: ['node'], hub: true, page: ReviewRequestPage },
  {
    path: '/review-diffusions',
    label: label('diffusions'),
    roles: ['reviewer'],
    services: ['node'],
    hub: true,
    page: ReviewDiffusionsPage,
  },
  // The notices held at a node: the hub's reviewers cancel there; a bureau's officers watch them arrive.
  {
    path: '/notices',
    label: label('notices'),
    roles: ['reviewer', 'officer'],
    services: ['node'],
    page: NoticesPage,
  },
];
