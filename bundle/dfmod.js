#!/usr/bin/env node
import { createRequire as dfmodCreateRequire } from 'node:module';
const require = dfmodCreateRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// lib/cli/package.ts
var package_exports = {};
__export(package_exports, {
  ownFile: () => ownFile,
  readOwnPackage: () => readOwnPackage
});
import { existsSync, readFileSync } from "node:fs";
function readOwnPackage(from) {
  for (const relative of ["../package.json", "../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, from), "utf8"));
      if (pkg.name === "dfmod") return pkg;
    } catch {
    }
  }
  return { name: "dfmod", version: "unknown" };
}
function ownFile(relative, from) {
  for (const up of ["../", "../../", "../../../"]) {
    const candidate = new URL(up + relative, from);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`dfmod's ${relative} is missing from its package`);
}
var init_package = __esm({
  "lib/cli/package.ts"() {
    "use strict";
  }
});

// bin/dfmod.ts
import { existsSync as existsSync2 } from "node:fs";
var argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
  const { readOwnPackage: readOwnPackage2 } = await Promise.resolve().then(() => (init_package(), package_exports));
  process.stdout.write(readOwnPackage2(import.meta.url).version + "\n");
} else {
  process.stdout.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    const bundled = !import.meta.url.endsWith(".ts") && existsSync2(new URL("./cli.js", import.meta.url));
    const entry = bundled ? "./cli.js" : "../lib/cli/main.js";
    const { main } = await import(new URL(entry, import.meta.url).href);
    process.exitCode = await main(argv, {
      stdout: process.stdout,
      stderr: process.stderr,
      stdin: process.stdin,
      cwd: process.cwd(),
      env: process.env
    });
  } catch (error) {
    process.stderr.write(`dfmod: internal error: ${error instanceof Error ? error.message : String(error)}
`);
    process.exitCode = 2;
  }
}
