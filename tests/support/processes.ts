import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root, where the services' commands run. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface Service {
  name: string;
  process: ChildProcess;
  output: string[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts a command as its own process (as a container would), keeping its output. */
export function startService(name: string, command: string[], env: Record<string, string>): Service {
  const [program, ...args] = command;
  const child = spawn(program === 'node' ? process.execPath : program!, args, {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, process: child, output, exited };
}

/** Waits until `url` answers 200 (the service is up), or fails with the service's output. */
export async function waitUntilHealthy(service: Service, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} did not become healthy at ${url}:\n${service.output.join('')}`);
}

/** SIGTERM, then the exit code (SIGKILL after `timeoutMs`). */
export async function stopService(service: Service, timeoutMs = 15_000): Promise<number | null> {
  if (service.process.exitCode !== null) return service.process.exitCode;
  service.process.kill('SIGTERM');
  const timer = setTimeout(() => service.process.kill('SIGKILL'), timeoutMs);
  const code = await service.exited;
  clearTimeout(timer);
  return code;
}
