// Trunk's post-build hook (Trunk.toml), in a release build: minifies the app's JavaScript glue
// (latih-home-*.js, latih.js, latih-lessons.js). Trunk's own JS minifier fails on the glue's `export default` and
// leaves it whole (58 KB); esbuild makes it a fifth smaller (gzip). The workers' glue is left
// alone: it is not part of the first load.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// esbuild is installed in tools/ by scripts/setup.sh, with the other build tools.
const tools = join(dirname(fileURLToPath(import.meta.url)), "..", "tools", "package.json");
const { transformSync } = createRequire(tools)("esbuild");

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR;
const glue = readdirSync(dir).filter((name) => /^latih(-home-[0-9a-f]+|-lessons)?\.js$/.test(name));
if (glue.length !== 3) throw new Error(`expected the three apps' glue, found ${glue.join(", ")}`);
for (const name of glue) {
  const path = join(dir, name);
  const { code } = transformSync(readFileSync(path, "utf8"), { minify: true, format: "esm" });
  writeFileSync(path, code);
}
