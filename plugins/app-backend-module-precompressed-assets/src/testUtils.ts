import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const CLI = resolvePackagePath(
  '@internal/plugin-app-backend-module-precompressed-assets',
  'bin/precompress-assets.mjs',
);

/** Some text that compresses well, about `kb` kilobytes of it. */
export function scriptOf(kb: number, seed = 'x'): string {
  const line = `console.log(${JSON.stringify(
    seed,
  )}, "a line of the bundle");\n`;
  return line.repeat(Math.ceil((kb * 1024) / line.length));
}

/** A static folder with these files, run through the real precompress-assets. */
export function precompressedFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'precompressed-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
  }
  execFileSync(process.execPath, [CLI, dir], { stdio: 'pipe' });
  return dir;
}

export type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
};

/** A request whose answer is read byte for byte: nothing is decompressed. */
export function rawRequest(
  server: Server,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const { port } = server.address() as AddressInfo;
  return new Promise((done, fail) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({
            status: res.statusCode!,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end();
  });
}
