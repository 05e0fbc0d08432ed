import { ListId, SubscriberStatus } from '@regiokit/core';
import { z } from 'zod';
import { ApiError } from './api-error';
import { type ApiRoute, defineApiRoute } from './api-route';
import { RegionParams, safeLine } from './api-schemas';
import { actorOf } from './campaign-routes';

const EmailBody = z.strictObject({ email: z.string().max(254) });

const ImportQuery = z.strictObject({
  listId: ListId,
  /** Version of the consent text for rows without a `consent_text_version` column; must be known. */
  consentTextVersion: safeLine(50).optional(),
  delimiter: z.enum([',', ';', 'tab', 'auto']).default('auto'),
  encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8'),
  /** Shown in the audit log. */
  fileName: safeLine(200).optional(),
});

const ImportView = z.object({
  rows: z.int(),
  imported: z.int(),
  updated: z.int(),
  skipped: z.int(),
  active: z.int(),
  pending: z.int(),
  /** Every skipped row, with its line and reason. */
  skippedRows: z.array(
    z.object({
      line: z.int(),
      email: z.string().optional(),
      reason: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

const ExportQuery = z.strictObject({
  listId: ListId,
  status: SubscriberStatus.optional(),
  delimiter: z.enum([',', ';']).default(','),
});

const EraseView = z.object({ erased: z.int(), regions: z.array(z.string()) });

/** Largest CSV accepted by one import call. */
const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

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

/**
 * Subscribers: CSV import with a report per row, CSV export of a list, show one address with its
 * consent history, erase an address. Addresses go in bodies, never in URLs (they would end up in
 * access logs).
 */
export const SUBSCRIBER_ROUTES: readonly ApiRoute[] = [
  defineApiRoute({
    operationId: 'importSubscribers',
    method: 'post',
    path: '/api/v1/regions/{regionId}/subscribers/import',
    summary: 'Import a CSV into a list; rows without consent evidence become pending, never active',
    tags: TAGS,
    params: RegionParams,
    query: ImportQuery,
    body: { schema: z.instanceof(Uint8Array), contentType: 'text/csv', maxBytes: IMPORT_MAX_BYTES },
    responses: { 200: { description: 'The import report', schema: ImportView } },
    async handler({ params, query, body, token, web }) {
      const report = await web.deps.store.subscribers.importCsv(body, {
        regionId: params.regionId,
        listId: query.listId,
        actor: actorOf(token),
        delimiter: query.delimiter === 'tab' ? '\t' : query.delimiter,
        encoding: query.encoding,
        ...(query.consentTextVersion === undefined ? {} : { consentTextVersion: query.consentTextVersion }),
        ...(query.fileName === undefined ? {} : { fileName: query.fileName }),
      });
      return {
        status: 200,
        json: {
          rows: report.rows,
          imported: report.imported,
          updated: report.updated,
          skipped: report.skipped,
          active: report.active,
          pending: report.pending,
          skippedRows: report.results
            .filter((r) => r.outcome === 'skipped')
            .map((r) => ({ line: r.line, email: r.email, reason: r.reason, message: r.message })),
        },
      };
    },
  }),
  defineApiRoute({
    operationId: 'exportSubscribers',
    method: 'get',
    path: '/api/v1/regions/{regionId}/subscribers/export',
    summary: 'Export a list as CSV (the import columns, with consent evidence); audited',
    tags: TAGS,
    params: RegionParams,
    query: ExportQuery,
    responses: { 200: { description: 'The CSV', schema: z.string(), contentType: 'text/csv' } },
    async handler({ params, query, token, web }) {
      const list = await web.deps.store.lists.get(params.regionId, query.listId);
      if (list === undefined)
        throw new ApiError(
          'NOT_FOUND',
          `query.listId: no list "${query.listId}" in region "${params.regionId}"`,
        );
      return {
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        fileName: `${params.regionId}-${query.listId}.csv`,
        stream: web.deps.store.subscribers.exportCsv({
          regionId: params.regionId,
          listId: query.listId,
          actor: actorOf(token),
          delimiter: query.delimiter,
          ...(query.status === undefined ? {} : { statuses: [query.status] }),
        }),
      };
    },
  }),
  defineApiRoute({
    operationId: 'eraseSubscriber',
    method: 'post',
    path: '/api/v1/regions/{regionId}/subscribers/erase',
    summary: 'Erase an address in the region (GDPR Art. 17); only a keyed hash stays on the suppression list',
    tags: TAGS,
    params: RegionParams,
    body: { schema: EmailBody, contentType: 'application/json', maxBytes: 1024 },
    responses: { 200: { description: 'How many subscriber records were erased', schema: EraseView } },
    async handler({ params, body, token, web }) {
      const result = await web.deps.store.dataSubjects.erase({
        email: body.email,
        actor: actorOf(token),
        regionId: params.regionId,
      });
      return { status: 200, json: { erased: result.erased, regions: result.regions } };
    },
  }),
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
