/**
 * What a language's build output has to do with the platform it was built
 * on: whether a build stage can run on the build machine's platform and
 * still produce what the target platform runs. One row per language.
 */
import type { Language } from './images.js';

export type CrossBuild =
  /** The toolchain builds for another GOOS/GOARCH natively, as long as no C is compiled (cgo off). */
  | { kind: 'cross-compiles' }
  /** The output is the same bytes on every platform (JVM bytecode). */
  | { kind: 'portable' }
  /** The output may hold code compiled for the build platform. */
  | { kind: 'platform-bound'; why: string };

/*
 * Sources: Go's `go help environment` (GOOS/GOARCH; cgo needs a C cross
 * compiler, CC_FOR_TARGET); the JVM specification (class files are platform
 * independent); npm's and pip's documentation of native addons and binary
 * wheels (built for the platform they are installed on); rustup's
 * cross-compilation guide (a target's standard library must be added).
 */
export const CROSS_BUILDS: Partial<Record<Language, CrossBuild>> = {
  go: { kind: 'cross-compiles' },
  java: { kind: 'portable' },
  node: { kind: 'platform-bound', why: 'node_modules may hold native addons compiled for the build platform' },
  python: { kind: 'platform-bound', why: 'the virtualenv may hold compiled extensions for the build platform' },
  rust: { kind: 'platform-bound', why: 'cross-compiling Rust needs a target toolchain dfmod does not add' },
};

/** How a build in `language` relates to the platform, or null when dfmod does not know. */
export function crossBuild(language: Language | null): CrossBuild | null {
  return language ? CROSS_BUILDS[language] ?? null : null;
}
