import { compileNewsletter, compilePressRelease, personalise } from '@regiokit/content';
import { absoluteUrl, PATHS } from '../http/links';
import { loadRegionView } from '../services/region-view';
import { ApiError } from './api-error';
import { type ApiRoute, defineApiRoute } from './api-route';
import { PreviewBody, PreviewView, RegionParams } from './api-schemas';

/** Previews: a newsletter issue or press release rendered as its mail, for an example recipient. */
export const PREVIEW_ROUTES: readonly ApiRoute[] = [
  defineApiRoute({
    operationId: 'previewMail',
    method: 'post',
    path: '/api/v1/regions/{regionId}/previews',
    summary: 'Render a newsletter issue or press release as the mail an example recipient gets',
    tags: ['previews'],
    params: RegionParams,
    body: { schema: PreviewBody, contentType: 'application/json', maxBytes: 4 * 1024 },
    responses: { 200: { description: 'Subject, preheader, HTML and text', schema: PreviewView } },
    async handler({ params, body, web }) {
      const { store } = web.deps;
      const view = await loadRegionView(store, params.regionId);
      if (view === undefined) throw new ApiError('NOT_FOUND', `no region "${params.regionId}"`);
      const options = {
        ...(body.language === undefined ? {} : { language: body.language }),
        testSend: body.testSend,
      };
      let compiled: Awaited<ReturnType<typeof compileNewsletter>>;
      if (body.kind === 'newsletter') {
        const issue = await store.records.get('newsletter-issue', params.regionId, body.issueId);
        if (issue === undefined) {
          throw new ApiError(
            'NOT_FOUND',
            `body.issueId: no newsletter issue "${body.issueId}" in region "${params.regionId}"`,
          );
        }
        compiled = await compileNewsletter(issue, view.theme, options);
      } else {
        const release = await store.records.get('press-release', params.regionId, body.pressReleaseId);
        if (release === undefined) {
          throw new ApiError(
            'NOT_FOUND',
            `body.pressReleaseId: no press release "${body.pressReleaseId}" in region "${params.regionId}"`,
          );
        }
        compiled = await compilePressRelease(release, view.theme, options);
      }
      const link = absoluteUrl(web.publicUrl, PATHS.archive(params.regionId));
      const mail = personalise(compiled, {
        email: 'erika.mustermann@example.org',
        firstName: 'Erika',
        lastName: 'Mustermann',
        salutation: 'frau',
        unsubscribeUrl: link,
        preferencesUrl: link,
        webVersionUrl: link,
      });
      return { status: 200, json: { ...mail, htmlBytes: compiled.htmlBytes, warnings: compiled.warnings } };
    },
  }),
];
