// Trunk's post-build hook (Trunk.toml), in every build: index.html's loader names the first
// pages' module as /latih-home.js and /latih-home_bg.wasm; Trunk built them with a hash in their
// names (a new release is a new name, so no browser mixes the files of two). This puts the
// built names in. The whole app's files (latih.js, latih_bg.wasm) keep their names.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
const built = readdirSync(dir);
const named = (pattern) => {
  const found = built.filter((name) => pattern.test(name));
  if (found.length !== 1) throw new Error(`expected one file like ${pattern}, found ${found}`);
  return found[0];
};
const glue = named(/^latih-home-[0-9a-f]+\.js$/);
const wasm = named(/^latih-home-[0-9a-f]+_bg\.wasm$/);
const htmlPath = join(dir, "index.html");
const html = readFileSync(htmlPath, "utf8");
if (!html.includes('"/latih-home.js"') || !html.includes('"/latih-home_bg.wasm"')) {
  throw new Error("index.html's loader does not name /latih-home.js and /latih-home_bg.wasm");
}
writeFileSync(
  htmlPath,
  html.replace('"/latih-home.js"', `"/${glue}"`).replace('"/latih-home_bg.wasm"', `"/${wasm}"`),
);
