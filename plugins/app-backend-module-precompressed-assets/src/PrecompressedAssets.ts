import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/** The file `precompress-assets` writes beside the assets. */
export const MANIFEST_FILE = 'precompressed-assets.json';

export type Encoding = 'br' | 'gzip';

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

type ManifestEntry = {
  sha256: string;
  size: number;
  encodings: Partial<Record<Encoding, number>>;
};

type Manifest = { version: 1; files: Record<string, ManifestEntry> };

/** A compressed copy ready to send. */
export type CompressedAsset = {
  /** The source file, for its content type. */
  path: string;
  encoding: Encoding;
  body: Buffer;
  /** The source's SHA-256, which names this content whatever the encoding. */
  sha256: string;
};

type SourceCheck = { mtimeMs: number; size: number; matches: boolean };

/**
 * The compressed copies `precompress-assets` made at build time of one
 * folder's files. A copy is handed out only while its source still has the
 * content it was made from: the source is hashed again whenever its size or
 * modification time changes, so a file rewritten after the build (the app
 * backend injects the frontend config into one) is never answered with the
 * copy of what it held before.
 */
export class PrecompressedAssets {
  readonly #dir: string;
  readonly #files: Map<string, ManifestEntry>;
  readonly #checks = new Map<string, SourceCheck>();
  readonly #bodies = new Map<string, Buffer>();

  private constructor(dir: string, files: Map<string, ManifestEntry>) {
    this.#dir = dir;
    this.#files = files;
  }

  /** Reads the folder's manifest; undefined when the folder has none. */
  static async load(dir: string): Promise<PrecompressedAssets | undefined> {
    let text: string;
    try {
      text = await readFile(resolve(dir, MANIFEST_FILE), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const manifest = JSON.parse(text) as Manifest;
    if (manifest.version !== 1 || typeof manifest.files !== 'object') {
      throw new Error(`${MANIFEST_FILE} in ${dir} is not a version 1 manifest`);
    }
    return new PrecompressedAssets(
      resolve(dir),
      new Map(Object.entries(manifest.files)),
    );
  }

  get size(): number {
    return this.#files.size;
  }

  /**
   * The copy of `relativePath` in the first of `encodings` it has, or
   * undefined: not in the manifest, outside the folder, no such encoding,
   * or the source changed since the build.
   */
  async find(
    relativePath: string,
    encodings: Encoding[],
  ): Promise<CompressedAsset | undefined> {
    const entry = this.#files.get(relativePath);
    if (!entry) return undefined;
    const path = resolve(this.#dir, relativePath);
    if (!path.startsWith(`${this.#dir}${sep}`)) return undefined;
    const encoding = encodings.find(e => entry.encodings[e] !== undefined);
    if (!encoding) return undefined;
    if (!(await this.#sourceMatches(path, entry))) return undefined;

    const copyPath = `${path}${SUFFIX[encoding]}`;
    let body = this.#bodies.get(copyPath);
    if (!body) {
      try {
        body = await readFile(copyPath);
      } catch {
        return undefined;
      }
      if (body.length !== entry.encodings[encoding]) return undefined;
      this.#bodies.set(copyPath, body);
    }
    return { path, encoding, body, sha256: entry.sha256 };
  }

  async #sourceMatches(path: string, entry: ManifestEntry): Promise<boolean> {
    let stats;
    try {
      stats = await stat(path);
    } catch {
      return false;
    }
    const known = this.#checks.get(path);
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) {
      return known.matches;
    }
    const matches =
      stats.size === entry.size &&
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex') === entry.sha256;
    this.#checks.set(path, {
      mtimeMs: stats.mtimeMs,
      size: stats.size,
      matches,
    });
    return matches;
  }
}
