/**
 * The app's public addresses. Mails link to these (built by the web app for the double opt-in,
 * by the worker for unsubscribe, preferences and web version); see the README's link scheme.
 */
export const PATHS = {
  confirm: (token: string) => `/c/${token}`,
  unsubscribe: (token: string) => `/u/${token}`,
  preferences: (token: string) => `/p/${token}`,
  preferencesUnsubscribe: (token: string) => `/p/${token}/unsubscribe`,
  signUp: (regionId: string, listId?: string) =>
    listId === undefined ? `/${regionId}/subscribe` : `/${regionId}/subscribe/${listId}`,
  archive: (regionId: string) => `/${regionId}/archive`,
  archiveNewsletter: (regionId: string, issueId: string) => `/${regionId}/archive/newsletters/${issueId}`,
  archivePressRelease: (regionId: string, id: string) => `/${regionId}/archive/press/${id}`,
  webVersion: (regionId: string, campaignId: string) => `/w/${regionId}/${campaignId}`,
  themeStyleSheet: (regionId: string) => `/assets/theme/${regionId}.css`,
  newsletterStyleSheet: (regionId: string) => `/assets/newsletter/${regionId}.css`,
} as const;

/** An absolute URL under the public origin. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return `${publicUrl}${path}`;
}
