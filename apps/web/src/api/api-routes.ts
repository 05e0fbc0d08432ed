import type { ApiRoute } from './api-route';
import { CAMPAIGN_ROUTES } from './campaign-routes';
import { PREVIEW_ROUTES } from './preview-routes';
import { SUBSCRIBER_ROUTES } from './subscriber-routes';

/** Every operation of the JSON API, in the order of the OpenAPI document. */
export const API_ROUTES: readonly ApiRoute[] = [...CAMPAIGN_ROUTES, ...SUBSCRIBER_ROUTES, ...PREVIEW_ROUTES];
