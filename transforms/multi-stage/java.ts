/** Java: the jar's folder or the class path `java` runs, on the JRE of the build's Java version. */
import path from 'node:path';
import { isRefusal, refuse, runtimeFor, type Planner } from './plan.js';

export const planJava: Planner = (stage) => {
  const argv = stage.argv;
  if (argv[0] !== 'java' && !/\/java$/.test(argv[0] ?? '')) return refuse('not-java', `the container runs \`${argv[0]}\`, not java`);
  const copies: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-jar') {
      const jar = argv[i + 1];
      if (jar === undefined) return refuse('java-jar-unnamed', '`java -jar` without a jar');
      // The jar's folder: it holds any Class-Path neighbours (target/lib).
      copies.push(path.posix.dirname(path.posix.resolve(stage.finalWorkdir, jar)));
      break;
    }
    if (arg === '-cp' || arg === '-classpath' || arg === '--class-path') {
      for (const entry of (argv[++i] ?? '').split(':')) {
        copies.push(path.posix.resolve(stage.finalWorkdir, entry.replace(/\/?\*$/, '')));
      }
      continue;
    }
    if (arg.endsWith('.java')) return refuse('java-source-launch', '`java File.java` compiles at run time and needs the JDK');
    if (!arg.startsWith('-')) break;
  }
  if (!copies.length) return refuse('java-classes-unnamed', 'java runs without -jar or -cp, so the classes it needs are not named');
  if (copies.some((c) => c === stage.finalWorkdir || c === '/')) return refuse('java-classpath-whole-folder', 'the class path is the whole working folder');
  const runtime = runtimeFor(stage, 'dynamic');
  if (isRefusal(runtime)) return runtime;
  const unique = [...new Set(copies)];
  return {
    runtime: runtime.image,
    payload: unique.map((c) => `COPY --from=build ${c} ${c}`),
    buildEdits: [],
    buildTail: [],
    programs: ['java'],
    summary: `runtime ${runtime.image} with ${unique.join(', ')}`,
  };
};
