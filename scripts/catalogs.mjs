// Trunk's post-build hook (Trunk.toml), in every build: serves each language catalog as two
// files. `<lang>.txt` holds the words of the first pages a visitor sees (the key prefixes of
// crates/i18n/first-page-keys.txt), which the app waits for before it starts; `<lang>.more.txt`
// holds the rest, fetched once the app runs, so that the notebook's hundreds of words are not
// on the Home page's critical path. Both drop the comments and blank lines (which the app skips
// when it reads them) and the command line's own messages (keys `cli-…`, which the page never
// shows: a test keeps the page's code from naming one). Then writes into index.html's start-up
// block what Latih is (the Home page's heading and introduction) in both languages, from the
// catalogs, so that the first visit reads the page's text before the wasm has arrived.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prefixes = readFileSync(join(root, "crates/i18n/first-page-keys.txt"), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));
if (prefixes.length === 0) throw new Error("no first-page key prefixes");

const locales = join(process.env.TRUNK_STAGING_DIR, "locales");
const words = {};
for (const name of readdirSync(locales)) {
  if (!/^[a-z]+\.txt$/.test(name)) continue;
  const path = join(locales, name);
  const entries = readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#") && !line.startsWith("cli-"));
  const pair = (line) => [line.slice(0, line.indexOf(" = ")), line.slice(line.indexOf(" = ") + 3)];
  words[name.replace(/\.txt$/, "")] = Object.fromEntries(entries.map(pair));
  const onFirstPages = (line) => prefixes.some((prefix) => line.startsWith(prefix));
  const first = entries.filter(onFirstPages);
  const more = entries.filter((line) => !onFirstPages(line));
  writeFileSync(path, first.join("\n") + "\n");
  writeFileSync(path.replace(/\.txt$/, ".more.txt"), more.join("\n") + "\n");
}

// Indonesian first: Latih's learners are in Indonesia first.
const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const about = ["id", "en"]
  .filter((lang) => words[lang])
  .map(
    (lang) =>
      `<p lang="${lang}" class="boot-heading">${escape(words[lang]["home-heading"])}</p>` +
      `<p lang="${lang}">${escape(words[lang]["home-intro"])}</p>`,
  )
  .join("");
if (!about.includes("boot-heading")) throw new Error("no home-heading in the catalogs");
const indexPath = join(process.env.TRUNK_STAGING_DIR, "index.html");
const page = readFileSync(indexPath, "utf8");
// The start-up block's opening tag, however the HTML minifier wrote it.
const boot = /<div[^>]*\bid="?boot"?[^>]*>/;
if (!boot.test(page)) throw new Error("index.html has no start-up block (id boot)");
writeFileSync(indexPath, page.replace(boot, (tag) => tag + about));
