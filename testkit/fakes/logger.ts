// Fake Logger and console: record every line (with virtual time) instead of printing.

/** A recorded log line. */
export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'logger';
  message: string;
  at: number;
}

/** Shared log of one environment; `Logger` and `console` write here. Set `echo` to also print. */
export class FakeLogs {
  readonly lines: LogLine[] = [];
  echo = false;
  constructor(private readonly now: () => number) {}
  push(level: LogLine['level'], args: unknown[]): void {
    const message = args
      .map((a) =>
        typeof a === 'string'
          ? a
          : a instanceof Error || Object.prototype.toString.call(a) === '[object Error]'
            ? String((a as Error).stack ?? a)
            : safeJson(a),
      )
      .join(' ');
    this.lines.push({ level, message, at: this.now() });
    if (this.echo) process.stdout.write(`[${level}] ${message}\n`);
  }
  /** All messages joined by newlines. */
  text(): string {
    return this.lines.map((l) => l.message).join('\n');
  }

  /** The `Logger` global (log(format, ...values) substitutes %s like Apps Script). */
  logger(): GoogleAppsScript.Base.Logger {
    const logs = this;
    const logger = {
      log(data: unknown, ...values: unknown[]) {
        const message = typeof data === 'string' && values.length ? data.replace(/%s/g, () => String(values.shift())) : data;
        logs.push('logger', [message]);
        return logger;
      },
      getLog: () =>
        logs.lines
          .filter((l) => l.level === 'logger')
          .map((l) => l.message)
          .join('\n'),
      clear() {
        logs.lines.length = 0;
      },
    };
    return logger as unknown as GoogleAppsScript.Base.Logger;
  }
  /** The `console` global of the vm context. */
  console(): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
    return {
      log: (...a: unknown[]) => this.push('log', a),
      info: (...a: unknown[]) => this.push('info', a),
      warn: (...a: unknown[]) => this.push('warn', a),
      error: (...a: unknown[]) => this.push('error', a),
    };
  }
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
