/** The origin of links in mails and previews when PUBLIC_URL is not set: the web app on this machine. */
export const LOCAL_PUBLIC_URL = 'http://localhost:3000';
