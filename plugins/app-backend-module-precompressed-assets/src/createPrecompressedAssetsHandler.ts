import { extname } from 'node:path';
import type { RequestHandler } from 'express';
import type { Encoding, PrecompressedAssets } from './PrecompressedAssets';

/** The app backend's own lifetime for static assets: 14 days. */
const CACHE_CONTROL_DEFAULT = 'public, max-age=1209600';
/** A name that carries its content's hash never changes content. */
const CACHE_CONTROL_HASHED = 'public, max-age=31536000, immutable';
const HASHED_NAME = /\.[0-9a-f]{8,}\.(?:chunk\.)?[a-z0-9]+$/;

/**
 * Answers GET and HEAD for the assets that have a compressed copy the
 * client accepts (Brotli first, then gzip); everything else goes on to the
 * app backend, which serves the file itself and compresses it per request.
 */
export function createPrecompressedAssetsHandler(
  assets: PrecompressedAssets,
): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const relativePath = assetPath(req.path);
    const accepted: Encoding[] = [];
    if (req.acceptsEncodings('br')) accepted.push('br');
    if (req.acceptsEncodings('gzip')) accepted.push('gzip');
    if (!relativePath || !accepted.length) {
      next();
      return;
    }
    assets
      .find(relativePath, accepted)
      .then(asset => {
        if (!asset) {
          next();
          return;
        }
        res.type(extname(asset.path));
        res.setHeader('Content-Encoding', asset.encoding);
        res.vary('Accept-Encoding');
        res.setHeader(
          'Cache-Control',
          HASHED_NAME.test(relativePath)
            ? CACHE_CONTROL_HASHED
            : CACHE_CONTROL_DEFAULT,
        );
        res.setHeader(
          'ETag',
          `"${asset.sha256.slice(0, 32)}-${asset.encoding}"`,
        );
        if (req.fresh) {
          res.status(304).end();
          return;
        }
        res.setHeader('Content-Length', asset.body.length);
        if (req.method === 'HEAD') {
          res.end();
        } else {
          res.end(asset.body);
        }
      })
      .catch(next);
  };
}

/** The request's path inside the folder, or undefined when it is not a plain one. */
function assetPath(requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  const relativePath = decoded.replace(/^\/+/, '');
  if (
    !relativePath ||
    relativePath.includes('\0') ||
    relativePath.includes('\\') ||
    relativePath.split('/').some(part => part === '..' || part === '.')
  ) {
    return undefined;
  }
  return relativePath;
}
