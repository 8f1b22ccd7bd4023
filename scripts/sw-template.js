// Latih's service worker, written after each release build by scripts/offline.mjs from this
// template, with the files that build made and a version drawn from their bytes: a new release
// is a new worker, whose cache replaces the old one whole (never files of two builds mixed).
//
// - Installing precaches the app shell: the page, its script, wasm and style, the training
//   worker, both languages' words, the icons and the lessons.
// - Every navigation (any route: the app routes in the page) answers with the cached page.
// - The precached files answer from the cache; the SQL worker and the data sets from the cache
//   once kept (on first use, or all at once from the Data sets page), else from the network.
// - Anything else (a learner's data URL, of any origin) goes to the network as if there were no
//   service worker: a stream without end must not be copied into the cache.
const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = `latih-${VERSION}`;
// The data sets kept (on first use, or all by the Data sets page's "Save for offline") live in a
// cache of their own, named by their bytes: a release that does not change them keeps what the
// learner saved.
const DATA_CACHE = "latih-data-__DATA_VERSION__";
const isData = (path) => path.startsWith("/data/");
const keptOnFirstUse = (path) => isData(path) || path.startsWith("/latih-sql-worker");

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

// The page's "Use it now" (scripts/sw-updates.js): the waiting worker of a new release takes
// over at once instead of when every tab of the old one is closed.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  const old = (name) => name.startsWith("latih-") && name !== CACHE && name !== DATA_CACHE;
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter(old).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode !== "navigate" && !PRECACHE.includes(url.pathname) && !keptOnFirstUse(url.pathname)) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      caches.match("/index.html", { cacheName: CACHE }).then((page) => page || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(isData(url.pathname) ? DATA_CACHE : CACHE).then((cache) =>
      // The catalogs' `?v=` names a version this cache already is.
      cache.match(request, { ignoreSearch: true }).then(
        (kept) =>
          kept ||
          fetch(request).then((answer) => {
            if (answer.ok) cache.put(request, answer.clone());
            return answer;
          }),
      ),
    ),
  );
});
