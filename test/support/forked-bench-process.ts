import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { join } from 'node:path';

/** A benchmark file run again in a child process, compiled by ts-node as the npm scripts run it. */
export function forkBench(file: string, args: string[], options: ForkOptions = {}): ChildProcess {
  return fork(file, args, {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    env: { ...process.env, TS_NODE_COMPILER_OPTIONS: JSON.stringify({ rootDir: join(__dirname, '..', '..') }) },
    ...options,
  });
}

/**
 * A benchmark's load process (`file worker`), answering each request in order. A request fails if
 * the process exits first, or after `timeoutMs` when one is given.
 */
export class ForkedBenchProcess<To extends { type: string }, From> {
  readonly child: ChildProcess;
  private readonly waiting: Array<(message: From) => void> = [];

  constructor(
    file: string,
    private readonly timeoutMs?: number,
  ) {
    this.child = forkBench(file, ['worker']);
    this.child.on('message', (message: From) => this.waiting.shift()?.(message));
  }

  request<T extends From = From>(message: To): Promise<T> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const exited = () => {
        clearTimeout(timer);
        reject(new Error(`load process exited before answering ${message.type}`));
      };
      if (this.timeoutMs !== undefined) {
        timer = setTimeout(() => {
          this.child.off('exit', exited);
          reject(new Error(`load process did not answer ${message.type} in ${this.timeoutMs} ms`));
        }, this.timeoutMs);
      }
      this.child.once('exit', exited);
      this.waiting.push((answer) => {
        clearTimeout(timer);
        this.child.off('exit', exited);
        resolve(answer as T);
      });
      this.child.send(message);
    });
  }

  /** A message that expects no answer (such as `quit`), if the process still listens. */
  tell(message: To): void {
    if (this.child.connected) this.child.send(message);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
