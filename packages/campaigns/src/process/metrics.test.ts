import { describe, expect, it } from 'vitest';
import { WorkerMetrics } from './metrics';

describe('WorkerMetrics', () => {
  it('renders counters, queue depth, process figures and a cumulative latency histogram', () => {
    const metrics = new WorkerMetrics();
    metrics.sent = 3;
    metrics.failed = 1;
    for (const s of [0.002, 0.004, 0.3]) metrics.observeSendSeconds(s);
    const text = metrics.render({ send: { waiting: 7, active: 2 } });
    expect(text).toContain('regiokit_messages_sent_total 3\n');
    expect(text).toContain('regiokit_messages_failed_total 1\n');
    expect(text).toContain('regiokit_queue_jobs{queue="send",state="waiting"} 7\n');
    expect(text).toContain('regiokit_send_duration_seconds_bucket{le="0.0025"} 1\n');
    expect(text).toContain('regiokit_send_duration_seconds_bucket{le="0.005"} 2\n');
    expect(text).toContain('regiokit_send_duration_seconds_bucket{le="0.5"} 3\n');
    expect(text).toContain('regiokit_send_duration_seconds_bucket{le="+Inf"} 3\n');
    expect(text).toContain('regiokit_send_duration_seconds_count 3\n');
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^process_cpu_seconds_total [\d.]+$/m);
  });
});
