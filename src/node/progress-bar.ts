// A one-line progress bar on stderr while a sync works (only when stderr is a terminal).

import { listingProgress } from '../core/messages/cli';
import type { SyncJob } from '../core/sync/job';

export class ProgressBar {
  private lastDraw = 0;

  constructor(
    private readonly stream: { write(text: string): unknown; isTTY?: boolean },
    private readonly label: string,
  ) {}

  update(job: SyncJob): void {
    if (!this.stream.isTTY) return;
    const now = Date.now();
    if (now - this.lastDraw < 80) return;
    this.lastDraw = now;
    const { listing, settled, total } = job.progress();
    if (listing) {
      this.stream.write(`\r${listingProgress(this.label, job.stats.calls)}`);
      return;
    }
    const width = 30;
    const share = total === 0 ? 1 : settled / total;
    const filled = Math.round(share * width);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${settled}/${total}`);
  }

  clear(): void {
    if (this.stream.isTTY) this.stream.write('\r\x1b[K');
  }
}
