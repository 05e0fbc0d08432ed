import { normaliseEmail } from '@regiokit/core';
import { z } from 'zod';

/** An e-mail address, trimmed and lower-cased with core's `normaliseEmail`. */
export const NormalisedEmail = z.string().transform((input, ctx) => {
  const email = normaliseEmail(input);
  if (email === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected an e-mail address, got ${JSON.stringify(input)}` });
    return z.NEVER;
  }
  return email;
});
