import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts another instance of the same build (the standalone server, as in production) with
 * its own environment: for tests that watch one server on its own (query logs) or run several.
 */
export type RunningServer = {
  url: string;
  process: ChildProcess;
  /** Everything the server wrote so far (stdout and stderr). */
  output(): string;
  /** The JSON lines of its log. */
  logLines(): Record<string, unknown>[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export async function startServer(port: number, env: Record<string, string>, readyPath = '/en/about'): Promise<RunningServer> {
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    // A server of a test's own makes no renditions unless the test asks (MEDIA_RENDITION_JOBS): the
    // demo's would run beside what the test measures or counts.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), HOSTNAME: '127.0.0.1', MEDIA_RENDITION_JOBS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${url}${readyPath}`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server on ${port} did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    output: () => output,
    logLines: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null) return child.exitCode;
      process.kill(-child.pid!, signal);
      return exited;
    },
  };
}
