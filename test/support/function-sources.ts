import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `functions/` folder, where every deployed line of ours lives. */
export const FUNCTIONS_DIR = fileURLToPath(new URL('../../functions/', import.meta.url));

/** Every `.ts` file under `dir` (by default `functions/`), as absolute paths: for tests that read the code itself. */
export function functionSourceFiles(dir: string = FUNCTIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? functionSourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}
