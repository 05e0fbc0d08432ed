import { z } from 'zod';
import { ApiErrorBody } from './api-error';
import type { ApiRoute } from './api-route';

type JsonSchema = Record<string, unknown>;

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest;
}

const ERROR_RESPONSES: Readonly<Record<number, string>> = {
  400: 'Invalid input: `error.fields` names each field (`body.plan.at`, `query.listId`, `params.regionId`)',
  401: 'No valid API token',
  403: 'The token is not valid for this region',
  404: 'Not found',
  409: 'Conflicts with the current state (e.g. a campaign that is already sending)',
  413: 'Body too large',
  415: 'Wrong content type',
  429: 'Too many requests (see Retry-After)',
};

/**
 * The OpenAPI 3.1 document of the API, generated from the routes' zod schemas with
 * `z.toJSONSchema` (JSON Schema 2020-12, which OpenAPI 3.1 uses as is).
 */
export function buildOpenApiDocument(routes: readonly ApiRoute[], publicUrl: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parameters = [
      ...describeParameters(route.params, 'path'),
      ...describeParameters(route.query, 'query'),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema === undefined
          ? {}
          : {
              content: {
                [spec.contentType ?? 'application/json']: { schema: toSchema(spec.schema, 'output') },
              },
            }),
      };
    }
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
      if (status === '413' || status === '415') {
        if (route.body === undefined) continue;
      }
      responses[status] ??= {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      ...(parameters.length === 0 ? {} : { parameters }),
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: {
                [route.body.contentType]: {
                  schema:
                    route.body.contentType === 'text/csv'
                      ? { type: 'string', contentMediaType: 'text/csv' }
                      : toSchema(route.body.schema, 'input'),
                },
              },
            },
          }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'regiokit staff API',
      version: '1',
      description:
        'Campaigns, subscribers and previews for staff tooling. Every operation needs a bearer token scoped to the regions it may use.',
    },
    servers: [{ url: publicUrl }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'rk_<id>_<secret>' } },
      schemas: { Error: toSchema(ApiErrorBody, 'output') },
    },
    paths,
  };
}

function describeParameters(schema: z.ZodObject | undefined, where: 'path' | 'query') {
  if (schema === undefined) return [];
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
    schema: toSchema(field as z.ZodType, 'input'),
  }));
}
