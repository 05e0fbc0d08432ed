import { SingleBar } from 'cli-progress';
import type { CliContext } from '../cli-context';
import { type CampaignProgressView, FINAL_STATUSES } from '../services/campaigns';

/** How far back the sending rate is measured. */
const RATE_WINDOW_MS = 15_000;

/**
 * Shows a campaign's progress as a live bar on stderr (sent, failed, remaining, rate per minute,
 * time left), reading `read()` every `intervalMs` until the campaign is over or `until()` says
 * stop. Without a terminal the bar is written as a line per second. Returns the last reading.
 */
export async function watchCampaignProgress(
  ctx: CliContext,
  read: () => Promise<CampaignProgressView>,
  options: { intervalMs?: number; until?: (view: CampaignProgressView) => boolean } = {},
): Promise<CampaignProgressView> {
  const { m, format } = ctx;
  const bar = new SingleBar({
    stream: ctx.out.stderr,
    format: `{status} |{bar}| {percentage} % | ${m.progressSent} {sent} | ${m.progressFailed} {failed} | ${m.progressRemaining} {remaining} | {rate} ${m.progressRate} | ${m.progressEta} {left}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 1_000,
    etaBuffer: 20,
  });
  const samples: { at: number; done: number }[] = [];
  const payload = (view: CampaignProgressView) => {
    const done = view.sent + view.failed + view.skipped;
    const now = Date.now();
    // while nothing moves (not started yet, paused) the window starts again, so the rate is
    // that of the sending itself and not diluted by the wait before it
    if (samples.length > 0 && samples.every((s) => s.done === done)) samples.length = 0;
    samples.push({ at: now, done });
    while (samples.length > 2 && (samples[0]?.at ?? now) < now - RATE_WINDOW_MS) samples.shift();
    const first = samples[0] ?? { at: now, done };
    const perMs = now > first.at ? (done - first.done) / (now - first.at) : 0;
    return {
      status: (m.statusLabels[view.status] ?? view.status).padEnd(14),
      sent: format.number(view.sent),
      failed: format.number(view.failed),
      remaining: format.number(view.remaining),
      rate: format.number(Math.round(perMs * 60_000)),
      left: view.remaining === 0 ? '0 s' : perMs > 0 ? format.duration(view.remaining / perMs) : '–',
    };
  };
  let view = await read();
  bar.start(Math.max(1, view.audience), view.sent + view.failed + view.skipped, payload(view));
  try {
    while (!FINAL_STATUSES.includes(view.status) && !(options.until?.(view) ?? false)) {
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 500));
      view = await read();
      bar.setTotal(Math.max(1, view.audience));
      bar.update(view.sent + view.failed + view.skipped, payload(view));
    }
  } finally {
    bar.update(view.sent + view.failed + view.skipped, payload(view));
    bar.stop();
  }
  return view;
}
