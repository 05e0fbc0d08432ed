import { ContentError } from '@regiokit/content';
import { TemplateSourceError } from './store-template-source';

/**
 * Whether a failure to prepare a mail is permanent: invalid content, a missing record or sender.
 * Retrying cannot help; the job ends (service mail) or the campaign fails with the reason.
 */
export function isRenderError(error: unknown): error is Error {
  return error instanceof ContentError || error instanceof TemplateSourceError;
}
