import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../support/processes.js';

// Docker cannot run here: these check the properties of the image and of compose that an operator
// relies on, from the files themselves.

const dockerfile = readFileSync(join(repositoryRoot, 'Dockerfile'), 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1).map((stage) => `FROM ${stage}`);
const runtime = stages.at(-1)!;
const build = stages.find((stage) => /^FROM \S+ AS build\b/.test(stage))!;

interface ComposeService {
  environment?: Record<string, string>;
  volumes?: string[];
}
const compose = parse(readFileSync(join(repositoryRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};

/** Instructions of a stage, continuation lines joined. */
const instructions = (stage: string) =>
  stage
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

describe('Dockerfile', () => {
  it('builds and runs on Node 22 LTS', () => {
    for (const stage of stages) expect(stage).toMatch(/^FROM node:22[-.\w]*( AS \w+)?\n/);
  });

  it('runs as the unprivileged node user, which owns DATA_DIR', () => {
    const lines = instructions(runtime);
    const user = lines.findIndex((line) => line.startsWith('USER '));
    expect(lines[user]).toBe('USER node');
    const makesData = lines.findIndex((line) => /^RUN .*mkdir -p \/data\b.*chown node:node \/data\b/.test(line));
    expect(makesData, '/data is created and given to node before USER').toBeGreaterThanOrEqual(0);
    expect(makesData).toBeLessThan(user);
    expect(lines).toContain('ENV NODE_ENV=production DATA_DIR=/data');
  });

  it('ships no tests, test kit, benchmarks, sources or dev dependencies in the runtime image', () => {
    const lines = instructions(build);
    const prune = lines.find((line) => line.includes('npm prune --omit=dev'));
    expect(prune).toBeDefined();
    for (const folder of ['tests', 'scripts', 'packages/testkit']) expect(prune).toMatch(new RegExp(`rm -rf [^&]*\\b${folder}\\b`));
    expect(prune).toMatch(/-name src\b/);
    // The runtime stage takes only the pruned tree of the build stage.
    expect(instructions(runtime).filter((line) => line.startsWith('COPY'))).toEqual(['COPY --from=build --chown=node:node /app /app']);
  });

  it('copies every workspace manifest before installing, so npm ci sees the whole lock file', () => {
    const workspaces = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')).workspaces as string[];
    const lock = JSON.parse(readFileSync(join(repositoryRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { name?: string }> };
    const folders = Object.keys(lock.packages).filter(
      (path) => path && !path.includes('node_modules') && workspaces.some((pattern) => path.startsWith(pattern.replace('/*', '/')) || path === pattern),
    );
    expect(folders.length).toBeGreaterThan(5);
    for (const folder of folders) expect(build).toContain(`COPY ${folder}/package.json ${folder}/`);
  });
});

describe('docker-compose.yml, as an operator runs it', () => {
  it('keeps the playground off unless asked for', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const playground = service.environment?.PLAYGROUND;
      if (playground !== undefined) expect(playground, name).toBe('${PLAYGROUND:-false}');
    }
    expect(compose.services['gateway-1']?.environment?.PLAYGROUND).toBeDefined();
  });

  it('derives the proxy body limit and the upload limit from one setting', () => {
    const nginx = readFileSync(join(repositoryRoot, 'deploy/nginx.conf'), 'utf8');
    expect(nginx).toMatch(/client_max_body_size \$\{MAX_PACKAGE_BYTES\};/);
    const lb = compose.services.lb!;
    expect(lb.volumes).toContain('./deploy/nginx.conf:/etc/nginx/templates/nginx.conf.template:ro');
    expect(lb.environment?.NGINX_ENVSUBST_OUTPUT_DIR).toBe('/etc/nginx');
    const setting = lb.environment?.MAX_PACKAGE_BYTES;
    expect(setting).toMatch(/^\$\{MAX_PACKAGE_BYTES:-\d+\}$/);
    expect(compose.services['mini-programs']?.environment?.MAX_PACKAGE_BYTES).toBe(setting);
  });
});
