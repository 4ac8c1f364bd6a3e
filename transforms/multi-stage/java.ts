/**
 * Java: the jar or the class path `java` runs, on the JRE of the build's Java
 * version. Without -jar or -cp, the class path is the working folder (java's
 * default when CLASSPATH is not set): the main class's files are copied.
 */
import path from 'node:path';
import { isRefusal, refuse, runtimeFor, type Planner } from './plan.js';

export const planJava: Planner = (stage, ctx) => {
  const argv = stage.argv;
  if (argv[0] !== 'java' && !/\/java$/.test(argv[0] ?? '')) return refuse('not-java', `the container runs \`${argv[0]}\`, not java`);
  const wd = stage.finalWorkdir;
  const copies: { from: string; to: string }[] = [];
  const checks: string[] = [];
  const copy = (p: string) => copies.push({ from: p, to: p });
  let classPathNamed = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-jar') {
      const jar = argv[i + 1];
      if (jar === undefined) return refuse('java-jar-unnamed', '`java -jar` without a jar');
      const file = path.posix.resolve(wd, jar);
      const folder = path.posix.dirname(file);
      // The jar's folder holds its manifest's Class-Path neighbours (target/lib); the working folder holds the sources too.
      if (folder === wd || folder === '/') {
        copy(file);
        checks.push(`that the Class-Path of ${file}'s manifest names nothing outside the jar (only the jar is copied)`);
      } else copy(folder);
      classPathNamed = true;
      break;
    }
    if (arg === '-cp' || arg === '-classpath' || arg === '--class-path') {
      for (const entry of (argv[++i] ?? '').split(':')) copy(path.posix.resolve(wd, entry.replace(/\/?\*$/, '')));
      classPathNamed = true;
      continue;
    }
    if (arg.endsWith('.java')) return refuse('java-source-launch', '`java File.java` compiles at run time and needs the JDK');
    if (!arg.startsWith('-')) {
      if (classPathNamed) break;
      // The default class path: the working folder, unless CLASSPATH says otherwise.
      if (stage.stage.instructions.some((n) => n.keyword === 'ENV' && /\bCLASSPATH\b/.test(ctx.dockerfile.rawArguments(n)))) {
        return refuse('java-classpath-env', 'CLASSPATH is set, so the classes java loads are not named');
      }
      if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(arg)) return refuse('java-main-class', `\`${arg}\` is not a class name`);
      const parts = arg.split('.');
      if (parts.length === 1) copies.push({ from: path.posix.join(wd, '*.class'), to: `${wd.replace(/\/$/, '')}/` });
      else copy(path.posix.join(wd, parts[0]));
      checks.push(`that the classes ${arg} loads are in ${parts.length === 1 ? `${wd}/*.class` : path.posix.join(wd, parts[0])}`);
      classPathNamed = true;
      break;
    }
    if (arg === '-p' || arg === '--module-path' || arg === '-m' || arg === '--module') return refuse('java-modules', `java ${arg}: modules are not read`);
  }
  if (!copies.length) return refuse('java-classes-unnamed', 'java runs without a class path or main class dfmod can name');
  if (copies.some((c) => c.from === wd || c.from === '/')) return refuse('java-classpath-whole-folder', 'the class path is the whole working folder');
  const runtime = runtimeFor(stage, 'dynamic');
  if (isRefusal(runtime)) return runtime;
  const unique = [...new Map(copies.map((c) => [c.from, c])).values()];
  return {
    runtime: runtime.image,
    payload: unique.map((c) => `COPY --from=build ${c.from} ${c.to}`),
    buildEdits: [],
    buildTail: [],
    programs: ['java'],
    copied: unique.map((c) => c.from.replace(/\/\*\.class$/, '')).filter((c) => c !== wd),
    summary: unique.map((c) => c.from).join(', '),
    checks,
  };
};
