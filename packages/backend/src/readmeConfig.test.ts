import {
  ConfigSchema,
  ConfigSources,
  loadConfigSchema,
} from '@backstage/config-loader';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

// Every YAML block of every README that configures the portal, on top of
// app-config.yaml, through the strict check `backstage-cli config:check
// --strict` makes before the start command starts anything: every
// package's schema, no undeclared key. Environment variables stand in as
// `x`, as the check's --lax does.

jest.setTimeout(120_000);

const root = resolve(__dirname, '../../..');

/**
 * Blocks that are not portal config: software templates, catalog entities,
 * OpenAPI documents, and lists (a template's steps).
 */
const NOT_CONFIG = ['apiVersion', 'parameters', 'steps', 'kind', 'paths'];

function workspacePackageDirs(): string[] {
  return ['packages', 'plugins'].flatMap(folder =>
    readdirSync(join(root, folder), { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => join(root, folder, entry.name)),
  );
}

function readmeConfigBlocks(): Array<{ name: string; yaml: string }> {
  const readmes = [
    join(root, 'README.md'),
    ...workspacePackageDirs().map(dir => join(dir, 'README.md')),
  ].filter(file => {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  });
  return readmes.flatMap(file => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/^```yaml\n([\s\S]*?)^```/gm)]
      .map(match => ({
        name: `${relative(root, file)}:${
          text.slice(0, match.index).split('\n').length
        }`,
        yaml: match[1],
      }))
      .filter(block => {
        const data = parse(block.yaml);
        if (Array.isArray(data)) return false;
        return !Object.keys(data ?? {}).some(key => NOT_CONFIG.includes(key));
      });
  });
}

async function readConfigs(files: string[]) {
  const source = ConfigSources.default({
    rootDir: root,
    substitutionFunc: async name => process.env[name] || 'x',
    argv: files.flatMap(file => ['--config', file]),
  });
  for await (const { configs } of source.readConfigData()) return configs;
  throw new Error(`no config read from ${files.join(', ')}`);
}

describe('the configuration the READMEs show', () => {
  const blocks = readmeConfigBlocks();
  let schema: ConfigSchema;
  let dir: string;

  beforeAll(async () => {
    const names = workspacePackageDirs().map(
      packageDir =>
        JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'))
          .name as string,
    );
    schema = await loadConfigSchema({
      dependencies: names,
      packagePaths: [join(root, 'package.json')],
      noUndeclaredProperties: true,
    });
    dir = mkdtempSync(join(tmpdir(), 'readme-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(10);
  });

  it.each(blocks.map(block => [block.name, block]))(
    '%s passes the strict check on top of app-config.yaml',
    async (_name, block) => {
      const file = join(dir, 'block.yaml');
      writeFileSync(file, block.yaml);
      const configs = await readConfigs([join(root, 'app-config.yaml'), file]);
      let problems: string[] = [];
      try {
        schema.process(configs, {
          visibility: ['frontend', 'backend', 'secret'],
        });
      } catch (error) {
        problems = (error as { messages?: string[] }).messages ?? [
          String(error),
        ];
      }
      expect(problems).toEqual([]);
    },
  );
});
