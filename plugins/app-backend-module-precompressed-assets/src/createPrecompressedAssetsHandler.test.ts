import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import express from 'express';
import { createPrecompressedAssetsHandler } from './createPrecompressedAssetsHandler';
import { PrecompressedAssets } from './PrecompressedAssets';
import { precompressedFolder, rawRequest, scriptOf } from './testUtils';

const HASHED = 'module-react.2efde199f4a7.js';

describe('createPrecompressedAssetsHandler', () => {
  let dir: string;
  let server: Server;

  beforeEach(async () => {
    dir = precompressedFolder({
      [HASHED]: scriptOf(20),
      'theme.css': `body { color: red; }\n`.repeat(100),
    });
    const assets = (await PrecompressedAssets.load(dir))!;
    const app = express();
    // What the app backend does for whatever the handler passes on.
    app.use(
      '/static',
      createPrecompressedAssetsHandler(assets),
      express.static(dir),
    );
    server = await new Promise<Server>(listening => {
      const started: Server = app.listen(0, '127.0.0.1', () =>
        listening(started),
      );
    });
  });
  afterEach(async () => {
    await new Promise(closed => server.close(closed));
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(server, path, { headers });

  it('sends the Brotli copy to a browser, with its type and a year of caching', async () => {
    const res = await get(`/static/${HASHED}`, {
      'Accept-Encoding': 'gzip, deflate, br, zstd',
    });

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(res.body).toEqual(readFileSync(join(dir, `${HASHED}.br`)));
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
  });

  it('sends gzip where Brotli is not accepted', async () => {
    const res = await get(`/static/${HASHED}`, { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body).toEqual(readFileSync(join(dir, `${HASHED}.gz`)));
  });

  it('keeps the app backend lifetime for a name without a content hash', async () => {
    const res = await get('/static/theme.css', { 'Accept-Encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['cache-control']).toBe('public, max-age=1209600');
  });

  it('passes on a client that takes no compression, and a changed source', async () => {
    const noCompression: Record<string, string>[] = [
      {},
      { 'Accept-Encoding': 'identity' },
    ];
    for (const headers of noCompression) {
      const plain = await get(`/static/${HASHED}`, headers);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(scriptOf(20));
    }

    writeFileSync(join(dir, HASHED), 'console.log("config injected")');
    const changed = await get(`/static/${HASHED}`, { 'Accept-Encoding': 'br' });
    expect(changed.headers['content-encoding']).toBeUndefined();
    expect(changed.body.toString()).toBe('console.log("config injected")');
  });

  it('answers a revalidation with 304, and HEAD with headers only', async () => {
    const first = await get(`/static/${HASHED}`, { 'Accept-Encoding': 'br' });
    const again = await get(`/static/${HASHED}`, {
      'Accept-Encoding': 'br',
      'If-None-Match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);

    const head = await rawRequest(server, `/static/${HASHED}`, {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(
      first.headers['content-length'],
    );
    expect(head.body.length).toBe(0);
  });

  it('gives a path that leaves the folder, or does not decode, no copy', async () => {
    for (const path of [
      `/static/..%2f${HASHED}`,
      `/static/%2e%2e/${HASHED}`,
      `/static/.%2f${HASHED}`,
      `/static/%E0%A4%A`,
    ]) {
      const res = await get(path, { 'Accept-Encoding': 'br' });
      expect(res.headers['content-encoding']).toBeUndefined();
    }
  });
});
