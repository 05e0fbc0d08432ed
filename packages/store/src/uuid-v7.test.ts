import { SubscriberId } from '@regiokit/core';
import { describe, expect, it } from 'vitest';
import { createUuidV7 } from './uuid-v7';

describe('createUuidV7', () => {
  it('makes version 7 UUIDs that core accepts as subscriber ids', () => {
    const id = createUuidV7(Date.UTC(2026, 10, 21, 9));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(SubscriberId.safeParse(id).success).toBe(true);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 21, 9));
  });

  it('sorts by the time it was made', () => {
    const earlier = createUuidV7(1_700_000_000_000);
    const later = createUuidV7(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => createUuidV7(1_700_000_000_000))).size).toBe(1000);
  });
});
