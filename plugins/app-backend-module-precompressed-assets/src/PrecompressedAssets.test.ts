import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MANIFEST_FILE, PrecompressedAssets } from './PrecompressedAssets';
import { precompressedFolder, scriptOf } from './testUtils';

describe('precompress-assets and PrecompressedAssets', () => {
  const dirs: string[] = [];
  const folder = (files: Record<string, string>) => {
    const dir = precompressedFolder(files);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes Brotli and gzip copies that decompress to the source, and a manifest', () => {
    const source = scriptOf(40);
    const dir = folder({ 'main.0123abcd.js': source, 'tiny.js': 'x()' });

    const br = readFileSync(join(dir, 'main.0123abcd.js.br'));
    const gz = readFileSync(join(dir, 'main.0123abcd.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(source);
    expect(gunzipSync(gz).toString()).toBe(source);
    expect(br.length).toBeLessThan(source.length / 10);

    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
    expect(Object.keys(manifest.files)).toEqual(['main.0123abcd.js']);
    expect(manifest.files['main.0123abcd.js']).toMatchObject({
      size: source.length,
      encodings: { br: br.length, gzip: gz.length },
    });
    // Under a kilobyte the copy is not worth a file.
    expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
  });

  it('hands out the first accepted encoding the file has', async () => {
    const dir = folder({ 'app.js': scriptOf(8) });
    const assets = (await PrecompressedAssets.load(dir))!;

    expect((await assets.find('app.js', ['br', 'gzip']))?.encoding).toBe('br');
    expect((await assets.find('app.js', ['gzip']))?.encoding).toBe('gzip');
    expect(await assets.find('app.js', [])).toBeUndefined();
    expect(await assets.find('other.js', ['br'])).toBeUndefined();
  });

  it('refuses the copy once the source no longer holds what it was made from', async () => {
    const dir = folder({ 'config.js': scriptOf(8, 'before') });
    const assets = (await PrecompressedAssets.load(dir))!;
    expect(await assets.find('config.js', ['br'])).toBeDefined();

    // What the app backend does when it injects the frontend config.
    writeFileSync(join(dir, 'config.js'), scriptOf(8, 'after!'));
    expect(await assets.find('config.js', ['br'])).toBeUndefined();
  });

  it('never reads outside its folder, whatever the manifest names', async () => {
    const dir = folder({ 'app.js': scriptOf(8) });
    const manifestPath = join(dir, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.files['../outside.js'] = manifest.files['app.js'];
    writeFileSync(manifestPath, JSON.stringify(manifest));

    const assets = (await PrecompressedAssets.load(dir))!;
    expect(await assets.find('../outside.js', ['br'])).toBeUndefined();
  });

  it('is absent from a folder the build did not precompress', async () => {
    const dir = folder({});
    rmSync(join(dir, MANIFEST_FILE));
    expect(await PrecompressedAssets.load(dir)).toBeUndefined();
  });
});
