import { z } from 'zod';
import { ApiError } from './api-error';
import { type ApiRoute, defineApiRoute } from './api-route';
import { RegionParams } from './api-schemas';

const EmailBody = z.strictObject({ email: z.string().max(254) });

const SubscriberView = z.object({
  subscriber: z.object({
    email: z.string(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    salutation: z.string(),
    language: z.string(),
    status: z.string(),
    lists: z.array(z.string()),
    topics: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  consent: z.array(
    z.object({
      action: z.string(),
      at: z.string(),
      source: z.string(),
      listId: z.string().optional(),
      topics: z.array(z.string()),
      consentTextVersion: z.string().optional(),
      consentText: z.string().optional(),
      ip: z.string().optional(),
      userAgent: z.string().optional(),
    }),
  ),
});

const TAGS = ['subscribers'];

/** Subscribers: show one address with its consent history (addresses go in bodies, never in URLs). */
export const SUBSCRIBER_ROUTES: readonly ApiRoute[] = [
  defineApiRoute({
    operationId: 'showSubscriber',
    method: 'post',
    path: '/api/v1/regions/{regionId}/subscribers/show',
    summary: 'Status, lists, topics and consent history of one address',
    tags: TAGS,
    params: RegionParams,
    body: { schema: EmailBody, contentType: 'application/json', maxBytes: 1024 },
    responses: { 200: { description: 'The subscriber and the consent log', schema: SubscriberView } },
    async handler({ params, body, web }) {
      const { store } = web.deps;
      const subscriber = await store.subscribers.findByEmail(params.regionId, body.email);
      if (subscriber === undefined)
        throw new ApiError('NOT_FOUND', `no subscriber with this address in region "${params.regionId}"`);
      const history = await store.consent.history(subscriber.id);
      return {
        status: 200,
        json: {
          subscriber: {
            email: subscriber.email,
            firstName: subscriber.firstName,
            lastName: subscriber.lastName,
            salutation: subscriber.salutation,
            language: subscriber.language,
            status: subscriber.status,
            lists: subscriber.listIds,
            topics: subscriber.topics,
            createdAt: subscriber.createdAt,
            updatedAt: subscriber.updatedAt,
          },
          consent: history.map((e) => ({
            action: e.action,
            at: e.at,
            source: e.source,
            listId: e.listId,
            topics: e.topics,
            consentTextVersion: e.consentTextVersion,
            consentText: e.consentText,
            ip: e.ip,
            userAgent: e.userAgent,
          })),
        },
      };
    },
  }),
];
