import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under `root`, as paths relative to it with `/` separators, sorted. */
export function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        files.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return files.sort();
}
