import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';

// No Docker engine runs here, so the Dockerfile is kept correct by a parser-based lint and by these rules.
const text = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
const dockerfile = DockerfileParser.parse(text);
const instructions = dockerfile.getInstructions();
const stages = dockerfile.getFROMs();
const finalStage = instructions.slice(instructions.indexOf(stages[stages.length - 1] as never));
const args = (keyword: string) => finalStage.filter((instruction) => instruction.getKeyword() === keyword).map((i) => i.getTextContent());

describe('Dockerfile', () => {
  it('parses without syntax problems', () => {
    expect(validate(text).map((problem) => `${problem.range.start.line + 1}: ${problem.message}`)).toEqual([]);
  });

  it('is multi-stage and pins every base image to an exact version tag', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const from of stages) expect(`${from.getImageName()}:${from.getImageTag()}`).toMatch(/^node:\d+\.\d+\.\d+-[a-z]+-slim$/);
  });

  it('runs every stage on the Node.js version CI tests as the production one', () => {
    const tested = readFileSync(new URL('../.ci/production-node-version', import.meta.url), 'utf8').trim();
    expect(stages.map((from) => from.getImageTag())).toEqual(stages.map(() => `${tested}-bookworm-slim`));
  });

  it('runs the final stage as a non-root user with only production dependencies', () => {
    expect(args('USER')).toEqual(['USER node']);
    expect(text).toMatch(/npm ci --omit=dev/);
    const copied = args('COPY').join('\n');
    expect(copied).toContain('--from=deps');
    expect(copied).not.toMatch(/\btests\b|\bbench\b/);
  });

  it('declares a HEALTHCHECK on /health, a data volume and the start command', () => {
    expect(args('HEALTHCHECK').join(' ')).toContain('/health');
    expect(args('VOLUME').join(' ')).toContain('/data');
    expect(args('ENV').join(' ')).toContain('DATA_DIR=/data');
    expect(args('CMD').join(' ')).toContain('bin/addon.js", "start"');
  });

  it('copies every folder the runtime loads at start', () => {
    const copied = args('COPY').join('\n');
    for (const needed of ['bin', 'config', 'runtime', 'plugins', 'addon.config.yaml', 'openapi.json', 'package.json'])
      expect(copied).toContain(needed);
  });

  it('bundles the web components in a build stage and copies only the bundle into the final image', () => {
    expect(text).toMatch(/RUN node bin\/build-ui\.js/);
    expect(args('COPY').join('\n')).toMatch(/--from=ui .*\/app\/dist\/ui \.\/dist\/ui/);
    expect(args('COPY').join('\n')).not.toMatch(/\bui\/src\b|COPY --chown=node:node ui /);
  });
});
