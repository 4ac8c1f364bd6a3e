/**
 * --prettier: the result through Prettier with prettier-plugin-sh's Dockerfile
 * printer, with the options the project's .prettierrc / .editorconfig give
 * the file. Off by default (a codemod's diff should touch only what it
 * changes), and loaded only when asked for.
 */
import { parseDockerfile } from '../core/dockerfile.js';
import { checkParseable } from '../core/validate.js';

/** `filepath` is absolute: the project's Prettier configuration is found from it. */
export async function formatDockerfile(text: string, filepath: string): Promise<string> {
  const prettier = await import('prettier');
  const sh = (await import('prettier-plugin-sh')) as unknown as { default?: unknown };
  const plugin = (sh.default ?? sh) as import('prettier').Plugin;
  const project = (await prettier.resolveConfig(filepath, { editorconfig: true })) ?? {};
  const formatted = await prettier.format(text, { ...project, parser: 'dockerfile', plugins: [plugin], filepath });
  // Formatting must not be where a Dockerfile breaks.
  checkParseable(parseDockerfile(formatted.replace(/^\uFEFF/, '')));
  return formatted;
}
