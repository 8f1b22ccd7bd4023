// Trunk's post-build hook (Trunk.toml), in a release build: writes the site's
// Content-Security-Policy into index.html, as a meta tag, so that any static host serves it.
// A note or a column name from a stranger's link is text, never markup (Leptos escapes it); the
// policy is the second wall if that ever fails: no script runs but the site's own files and
// index.html's loader and the service worker's registration (allowed by their hashes,
// computed here from the file as built).
//
// What each part allows, and why:
// - script-src: the app's files, its loader, and compiling its wasm ('wasm-unsafe-eval').
// - worker-src: the training and SQL workers and the service worker, from the site itself.
// - connect-src: the site's own files, and the data URLs a learner agrees to fetch (any host:
//   the data set cell asks first, naming it).
// - img-src: figures are SVG drawn in the page or data: URLs; downloads are blob: URLs.
// - style-src: the site's style sheet; style-src-attr: style attributes, which plotters sets on
//   the span it measures chart text with (without them the measure is wrong, and labels overlap).
//   No <style> element is allowed, and the app's own styles are set through the DOM.
// A static host can send the same policy as a header, with what a meta tag cannot carry
// (frame-ancestors): the README lists them.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const htmlPath = join(process.env.TRUNK_STAGING_DIR, "index.html");
let html = readFileSync(htmlPath, "utf8");

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => m[1],
);
// index.html's loader, and the service worker's registration (scripts/offline.mjs).
if (inline.length === 0) throw new Error("expected index.html's loader, found no inline script");
const hashes = inline.map((text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`);

const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "worker-src 'self'",
  "connect-src 'self' https: http:",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error("index.html has a policy already");
// Right after the character set, before anything the policy covers.
const charset = /<meta charset=[^>]*>/i;
if (!charset.test(html)) throw new Error("index.html has no <meta charset>");
html = html.replace(charset, (found) =>
  `${found}<meta http-equiv="Content-Security-Policy" content="${policy}">`,
);
writeFileSync(htmlPath, html);
