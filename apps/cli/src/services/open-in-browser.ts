import { spawn } from 'node:child_process';

/**
 * Opens a file in the browser: with `browser` (BROWSER) when set, else the platform's opener
 * (`open` on macOS, `start` on Windows, `xdg-open` elsewhere). Resolves false when none starts.
 */
export function openInBrowser(file: string, browser: string | undefined): Promise<boolean> {
  const [command, args] =
    browser !== undefined
      ? [browser, [file]]
      : process.platform === 'darwin'
        ? ['open', [file]]
        : process.platform === 'win32'
          ? ['cmd', ['/c', 'start', '', file]]
          : ['xdg-open', [file]];
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
