// A separate process that claims and settles a campaign's recipients, for the concurrency test.
// Usage: claim-worker.ts <databaseUrl> <regionId> <campaignId> <idsJson>; starts on a line "go" on stdin.
import { createInterface } from 'node:readline';
import { openStore } from '../src/index';
import { TEST_SECRET } from './backends';

const [databaseUrl, regionId, campaignId, idsJson] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const ids: string[] = JSON.parse(idsJson);
const store = await openStore({ databaseUrl, secret: TEST_SECRET, maxConnections: 2 });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => {
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line !== 'go') return;
    lines.close();
    resolve();
  });
});
const claimed: string[] = [];
for (let i = 0; i < ids.length; i += 50) {
  const claim = await store.ledger.claim(regionId, campaignId, ids.slice(i, i + 50), {
    owner: `pid:${process.pid}`,
  });
  const result = await store.ledger.settle(
    claim,
    claim.subscriberIds.map((subscriberId) => ({
      subscriberId,
      state: 'sent',
      messageId: `<${subscriberId}@test>`,
    })),
  );
  if (result.lost.length > 0) throw new Error(`lost ${result.lost.length} claims`);
  claimed.push(...claim.subscriberIds);
}
process.stdout.write(`${JSON.stringify(claimed)}\n`);
await store.close();
