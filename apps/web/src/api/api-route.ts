import type { ApiToken } from '@regiokit/store';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { WebContext } from '../web-context';

/** An answer of an API handler: JSON, or a text body (CSV) with its type. */
export type ApiResult =
  | { readonly status: 200 | 201 | 202; readonly json: unknown }
  | {
      readonly status: 200;
      readonly stream: AsyncIterable<string>;
      readonly contentType: string;
      readonly fileName?: string;
    };

/** What a handler gets: validated params, query and body, the caller's token and the app. */
export interface ApiCall<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly token: ApiToken;
  readonly web: WebContext;
  readonly c: Context;
}

/** One documented response of an operation. */
export interface ApiResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** Defaults to `application/json`. */
  readonly contentType?: string;
}

/** The request body an operation takes. */
export interface ApiBodySpec<B extends z.ZodType> {
  readonly schema: B;
  /** `application/json` (parsed) or `text/csv` (given to the schema as the raw bytes, a `Uint8Array`). */
  readonly contentType: 'application/json' | 'text/csv';
  /** Largest body accepted. */
  readonly maxBytes: number;
}

/**
 * An operation of the JSON API: its path in OpenAPI form (`/api/v1/regions/{regionId}`), the zod
 * schemas that validate it and document it in the OpenAPI file, and its handler.
 */
export interface ApiRoute {
  readonly operationId: string;
  readonly method: 'get' | 'post' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: ApiBodySpec<z.ZodType>;
  readonly responses: Readonly<Record<number, ApiResponseSpec>>;
  readonly handler: (call: ApiCall<unknown, unknown, unknown>) => Promise<ApiResult>;
}

/** Defines an {@link ApiRoute} with handler types taken from its schemas. */
export function defineApiRoute<
  P extends z.ZodObject = z.ZodObject<Record<string, never>>,
  Q extends z.ZodObject = z.ZodObject<Record<string, never>>,
  B extends z.ZodType = z.ZodUndefined,
>(route: {
  operationId: string;
  method: 'get' | 'post' | 'delete';
  path: string;
  summary: string;
  tags: readonly string[];
  params?: P;
  query?: Q;
  body?: ApiBodySpec<B>;
  responses: Readonly<Record<number, ApiResponseSpec>>;
  handler: (call: ApiCall<z.output<P>, z.output<Q>, z.output<B>>) => Promise<ApiResult>;
}): ApiRoute {
  return route as unknown as ApiRoute;
}
