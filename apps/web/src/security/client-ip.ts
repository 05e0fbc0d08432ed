import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's IP address: the socket's peer, or, behind `trustProxy` proxies, the address the
 * outermost trusted proxy saw (counted from the right of `X-Forwarded-For`, which a client can
 * only prepend to).
 */
export function readClientIp(c: Context, trustProxy: number): string {
  const peer = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const candidate = forwarded[forwarded.length - trustProxy];
  return candidate !== undefined && /^[0-9a-fA-F:.]{2,45}$/.test(candidate) ? candidate : peer;
}
