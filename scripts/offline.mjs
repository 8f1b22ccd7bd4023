// Trunk's post-build hook (Trunk.toml), in a release build: makes the site work offline and
// installable. Writes the service worker (sw.js, from scripts/sw-template.js) with the files
// this build made and a version drawn from their bytes, and adds to index.html the manifest's
// link and the few lines that register the worker (scripts/csp.mjs then allows them by hash).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const dir = process.env.TRUNK_STAGING_DIR;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function files(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// The shell: everything built but the SQL worker (1.2 MB, fetched by a first query and kept
// then) and the data sets (kept on first use).
const later = (path) => /^latih-sql-worker/.test(path) || path.startsWith("data/");
// The notice of a new version, imported by the registration below once the page has loaded.
writeFileSync(join(dir, "sw-updates.js"), readFileSync(join(root, "scripts/sw-updates.js")));
const shell = files(dir)
  .map((path) => relative(dir, path).split("\\").join("/"))
  .filter((path) => !later(path) && path !== "sw.js")
  .sort();
const hash = createHash("sha256");
for (const path of shell) hash.update(path).update(readFileSync(join(dir, path)));
const version = hash.digest("hex").slice(0, 16);
const dataHash = createHash("sha256");
for (const path of files(join(dir, "data")).sort()) dataHash.update(relative(dir, path)).update(readFileSync(path));
const dataVersion = dataHash.digest("hex").slice(0, 16);

const template = readFileSync(join(root, "scripts/sw-template.js"), "utf8");
const worker = template
  .replace("__VERSION__", version)
  .replace("__DATA_VERSION__", dataVersion)
  .replace("__PRECACHE__", JSON.stringify(shell.map((path) => `/${path}`)));
writeFileSync(join(dir, "sw.js"), worker);

const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
const register =
  '<link rel="manifest" href="/manifest.webmanifest">' +
  '<script>if("serviceWorker"in navigator)addEventListener("load",()=>navigator.serviceWorker.register("/sw.js").then(r=>import("/sw-updates.js").then(m=>m.watch(r))))</script>';
if (!html.includes("</head>") && !/<body/.test(html)) throw new Error("index.html has no <body>");
html = html.includes("</head>") ? html.replace("</head>", `${register}</head>`) : html.replace(/<body/, `${register}<body`);
writeFileSync(htmlPath, html);
console.log(`sw.js: version ${version}, ${shell.length} files precached`);
