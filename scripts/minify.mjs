// Trunk's post-build hook (Trunk.toml), in a release build: minifies the app's JavaScript glue
// and puts its new hash into index.html's integrity attribute. Trunk's own JS minifier fails on
// the glue's `export default` and leaves it whole (58 KB); esbuild makes it a fifth smaller
// (gzip). The workers' glue is left alone: it is not part of the first load.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// esbuild is installed in tools/ by scripts/setup.sh, with the other build tools.
const tools = join(dirname(fileURLToPath(import.meta.url)), "..", "tools", "package.json");
const { transformSync } = createRequire(tools)("esbuild");

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR;
const sri = (bytes) => "sha384-" + createHash("sha384").update(bytes).digest("base64");
const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
for (const name of readdirSync(dir)) {
  if (!/^latih-[0-9a-f]+\.js$/.test(name)) continue;
  const path = join(dir, name);
  const source = readFileSync(path);
  const { code } = transformSync(source.toString("utf8"), { minify: true, format: "esm" });
  if (!html.includes(sri(source))) throw new Error(`index.html has no integrity for ${name}`);
  html = html.replace(sri(source), sri(Buffer.from(code)));
  writeFileSync(path, code);
}
writeFileSync(htmlPath, html);

