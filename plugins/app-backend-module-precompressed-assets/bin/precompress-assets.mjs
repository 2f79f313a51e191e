#!/usr/bin/env node
// precompress-assets <dir>: writes <file>.br (Brotli, best quality) and
// <file>.gz (gzip -9) beside each text asset of a built app's static folder,
// and precompressed-assets.json naming each source's SHA-256, so the backend
// can send the smaller copy without compressing on every request, and never
// for a source that changed after the build (the app backend rewrites the
// file it injects the frontend config into).
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const MANIFEST = 'precompressed-assets.json';
const TEXT_EXTENSIONS = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.json',
  '.svg',
  '.txt',
  '.xml',
  '.wasm',
]);
// Below this size the compressed copy saves less than a packet.
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name));
}

async function precompress(dir) {
  const started = Date.now();
  const files = (await listFiles(dir)).filter(
    file =>
      TEXT_EXTENSIONS.has(extname(file)) && !file.endsWith(`${sep}${MANIFEST}`),
  );
  const manifest = { version: 1, files: {} };
  const totals = { files: 0, raw: 0, br: 0, gzip: 0 };
  // zlib's async calls run on libuv's thread pool: every core is used.
  await Promise.all(
    files.map(async file => {
      const source = await readFile(file);
      await rm(`${file}.br`, { force: true });
      await rm(`${file}.gz`, { force: true });
      if (source.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotli(source, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        }),
        gzipAsync(source, { level: 9 }),
      ]);
      const encodings = {};
      if (br.length < source.length) {
        await writeFile(`${file}.br`, br);
        encodings.br = br.length;
      }
      if (gz.length < source.length) {
        await writeFile(`${file}.gz`, gz);
        encodings.gzip = gz.length;
      }
      if (!Object.keys(encodings).length) return;
      const key = relative(dir, file).split(sep).join('/');
      manifest.files[key] = {
        sha256: createHash('sha256').update(source).digest('hex'),
        size: source.length,
        encodings,
      };
      totals.files += 1;
      totals.raw += source.length;
      totals.br += encodings.br ?? source.length;
      totals.gzip += encodings.gzip ?? source.length;
    }),
  );
  const sorted = Object.fromEntries(
    Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b)),
  );
  await writeFile(
    join(dir, MANIFEST),
    `${JSON.stringify({ ...manifest, files: sorted }, null, 2)}\n`,
  );
  const kb = bytes => Math.round(bytes / 1024).toLocaleString('en');
  console.log(
    `precompress-assets: ${totals.files} files, ${kb(totals.raw)} KB -> ${kb(
      totals.br,
    )} KB brotli, ${kb(totals.gzip)} KB gzip in ${(
      (Date.now() - started) /
      1000
    ).toFixed(1)} s`,
  );
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: precompress-assets <directory>');
  process.exit(2);
}
await precompress(dir);
