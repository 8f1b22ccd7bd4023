// Tells the learner, politely, that a new version of Latih is ready (issue 22). Copied to the
// site by scripts/offline.mjs and imported after the page has loaded, so it is never on the
// first load's path. A new release installs its service worker beside the old one, which keeps
// serving this page (never files of two builds mixed); the new one waits. This shows a notice
// with "Use it now", which lets the new worker take over and reloads: the notebook is saved on
// every change, so nothing is lost. Its words are the catalog's (app-update-…), in the page's
// language, and follow a switch of language.
const words = {};
async function word(key) {
  const lang = document.documentElement.lang || "id";
  if (!words[lang]) {
    const text = await fetch(`/locales/${lang}.txt`).then((answer) => answer.text());
    words[lang] = Object.fromEntries(
      text.split("\n").map((line) => line.split(" = ")).filter((pair) => pair.length === 2),
    );
  }
  return words[lang][key] || key;
}

function announce(waiting) {
  if (document.getElementById("update-ready")) return;
  const notice = document.createElement("div");
  notice.id = "update-ready";
  notice.className = "update-ready";
  notice.setAttribute("role", "status");
  const text = document.createElement("span");
  const use = document.createElement("button");
  use.type = "button";
  const later = document.createElement("button");
  later.type = "button";
  const say = async () => {
    text.textContent = await word("app-update-ready");
    use.textContent = await word("app-update-use");
    later.textContent = await word("app-update-later");
  };
  use.addEventListener("click", () => {
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
    waiting.postMessage("skip-waiting");
  });
  later.addEventListener("click", () => notice.remove());
  notice.append(text, " ", use, " ", later);
  say().then(() => document.body.append(notice));
  new MutationObserver(say).observe(document.documentElement, { attributeFilter: ["lang"] });
}

export function watch(registration) {
  // Only an update: the first worker of a first visit has no page to replace.
  const ready = (worker) => worker && navigator.serviceWorker.controller && announce(worker);
  ready(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed") ready(installing);
    });
  });
  // A phone keeps a tab for days: look for a new release when the learner comes back to it.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
}
