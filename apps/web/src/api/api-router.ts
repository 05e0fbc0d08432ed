import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import type { WebContext } from '../web-context';
import { assertRegionScope, authenticateApiCall } from './api-auth';
import { ApiError, fieldErrorsOf, toApiError } from './api-error';
import type { ApiRoute } from './api-route';
import { buildOpenApiDocument } from './openapi';

/**
 * Mounts the JSON API: `/api/openapi.json`, then each route behind token authentication, region
 * scope, rate limits and the validation of params, query and body by its schemas.
 */
export function registerApiRoutes(app: Hono, web: WebContext, routes: readonly ApiRoute[]): void {
  const document = buildOpenApiDocument(routes, web.publicUrl);
  app.get('/api/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(document);
  });

  for (const route of routes) {
    const path = route.path.replace(/\{(\w+)\}/g, ':$1');
    const limit = bodyLimit({
      maxSize: route.body?.maxBytes ?? 16 * 1024,
      onError: (c) =>
        sendApiError(c, web, new ApiError('PAYLOAD_TOO_LARGE', 'the request body is too large')),
    });
    app.on(route.method.toUpperCase(), path, limit, async (c) => {
      try {
        const token = await authenticateApiCall(c, web);
        const params = parsePart(route.params, c.req.param(), 'params') as Record<string, unknown>;
        if (typeof params.regionId === 'string') assertRegionScope(token, params.regionId);
        const query = parsePart(route.query, readQuery(c), 'query');
        const body = route.body === undefined ? undefined : await readBody(c, route);
        const result = await route.handler({ params, query, body, token, web, c });
        if ('json' in result) return c.json(result.json as object, result.status);
        c.header('Content-Type', result.contentType);
        if (result.fileName !== undefined)
          c.header('Content-Disposition', `attachment; filename="${result.fileName}"`);
        return c.body(await toReadableStream(result.stream), result.status);
      } catch (error) {
        return sendApiError(c, web, toApiError(error));
      }
    });
  }

  app.all('/api/*', (c) =>
    sendApiError(c, web, new ApiError('NOT_FOUND', `no API operation ${c.req.method} ${c.req.path}`)),
  );
}

/** Answers with an API error; unexpected errors are logged with their cause, never answered with it. */
export function sendApiError(c: Context, web: WebContext, error: ApiError) {
  if (error.code === 'INTERNAL') {
    web.logger.error({ err: error.cause, method: c.req.method, path: c.req.routePath }, 'API call failed');
  }
  return c.json(error.toBody(), error.status);
}

function parsePart(schema: z.ZodObject | undefined, input: unknown, part: 'params' | 'query'): unknown {
  if (schema === undefined) {
    if (part === 'query' && Object.keys(input as object).length > 0) {
      throw new ApiError('INVALID_INPUT', 'this operation takes no query parameters', {
        fields: Object.keys(input as object).map((k) => ({
          path: `query.${k.slice(0, 100)}`,
          message: 'unknown field',
        })),
      });
    }
    return {};
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ApiError('INVALID_INPUT', `invalid ${part}`, { fields: fieldErrorsOf(result.error, part) });
  }
  return result.data;
}

/** Query parameters; a repeated parameter is an error (no operation takes lists in the query). */
function readQuery(c: Context): Record<string, string> {
  const all = c.req.queries();
  const out: Record<string, string> = {};
  for (const [name, values] of Object.entries(all)) {
    if (values.length > 1) {
      throw new ApiError('INVALID_INPUT', 'invalid query', {
        fields: [{ path: `query.${name.slice(0, 100)}`, message: 'given more than once' }],
      });
    }
    out[name] = values[0] ?? '';
  }
  return out;
}

async function readBody(c: Context, route: ApiRoute): Promise<unknown> {
  const spec = route.body!;
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== spec.contentType) {
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `expected a body of type ${spec.contentType}, got ${type === '' ? 'none' : JSON.stringify(type.slice(0, 100))}`,
    );
  }
  let input: unknown;
  if (spec.contentType === 'text/csv') {
    input = new Uint8Array(await c.req.arrayBuffer());
  } else {
    try {
      input = JSON.parse(await c.req.text());
    } catch (error) {
      throw new ApiError('INVALID_JSON', 'the body is not valid JSON', { cause: error });
    }
  }
  const result = spec.schema.safeParse(input);
  if (!result.success) {
    throw new ApiError('INVALID_INPUT', 'invalid body', { fields: fieldErrorsOf(result.error, 'body') });
  }
  return result.data;
}

/**
 * Streams text chunks. The first chunk is read before answering, so an error at the start (a
 * refused export) is still answered as an API error rather than a broken download.
 */
async function toReadableStream(chunks: AsyncIterable<string>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
