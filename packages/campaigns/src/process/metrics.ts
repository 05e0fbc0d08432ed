const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counters and the send latency histogram of one worker process, in Prometheus text format. */
export class WorkerMetrics {
  sent = 0;
  failed = 0;
  retried = 0;
  suppressed = 0;
  missed = 0;
  readonly #latency = new Array<number>(LATENCY_BUCKETS.length + 1).fill(0);
  #latencySum = 0;
  #latencyCount = 0;

  /** Records the time one SMTP transaction took. */
  observeSendSeconds(seconds: number): void {
    let i = 0;
    while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]!) i++;
    this.#latency[i]!++;
    this.#latencySum += seconds;
    this.#latencyCount++;
  }

  /** Prometheus exposition text; `queueDepth` per queue name and state. */
  render(queueDepth: Readonly<Record<string, Readonly<Record<string, number>>>> = {}): string {
    const lines = [
      '# HELP regiokit_messages_sent_total Messages accepted by the SMTP server.',
      '# TYPE regiokit_messages_sent_total counter',
      `regiokit_messages_sent_total ${this.sent}`,
      '# HELP regiokit_messages_failed_total Messages failed permanently.',
      '# TYPE regiokit_messages_failed_total counter',
      `regiokit_messages_failed_total ${this.failed}`,
      '# HELP regiokit_messages_retried_total Messages that failed temporarily and will be retried.',
      '# TYPE regiokit_messages_retried_total counter',
      `regiokit_messages_retried_total ${this.retried}`,
      '# HELP regiokit_addresses_suppressed_total Addresses suppressed after a hard bounce.',
      '# TYPE regiokit_addresses_suppressed_total counter',
      `regiokit_addresses_suppressed_total ${this.suppressed}`,
      '# HELP regiokit_campaigns_missed_total Schedules missed by more than the allowed lateness.',
      '# TYPE regiokit_campaigns_missed_total counter',
      `regiokit_campaigns_missed_total ${this.missed}`,
      '# HELP regiokit_queue_jobs Jobs per queue and state.',
      '# TYPE regiokit_queue_jobs gauge',
    ];
    for (const [queue, counts] of Object.entries(queueDepth)) {
      for (const [state, n] of Object.entries(counts))
        lines.push(`regiokit_queue_jobs{queue="${queue}",state="${state}"} ${n}`);
    }
    const { user, system } = process.cpuUsage();
    lines.push(
      '# HELP process_cpu_seconds_total User and system CPU time of the process.',
      '# TYPE process_cpu_seconds_total counter',
      `process_cpu_seconds_total ${(user + system) / 1e6}`,
      '# HELP process_resident_memory_bytes Resident memory of the process.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${process.memoryUsage.rss()}`,
      '# HELP process_max_resident_memory_bytes Peak resident memory of the process so far.',
      '# TYPE process_max_resident_memory_bytes gauge',
      `process_max_resident_memory_bytes ${process.resourceUsage().maxRSS * 1024}`,
      '# HELP regiokit_send_duration_seconds Duration of one SMTP transaction.',
      '# TYPE regiokit_send_duration_seconds histogram',
    );
    let cumulative = 0;
    LATENCY_BUCKETS.forEach((le, i) => {
      cumulative += this.#latency[i]!;
      lines.push(`regiokit_send_duration_seconds_bucket{le="${le}"} ${cumulative}`);
    });
    lines.push(
      `regiokit_send_duration_seconds_bucket{le="+Inf"} ${this.#latencyCount}`,
      `regiokit_send_duration_seconds_sum ${this.#latencySum}`,
      `regiokit_send_duration_seconds_count ${this.#latencyCount}`,
    );
    return `${lines.join('\n')}\n`;
  }
}
