// web/sw.js: Toward's service worker (a template: scripts/lib/make_sw.mjs fills in BUILD and FILES).
// - Precaches every file of one build in a cache named by the build's content hash, so the page, the
//   .js and the .wasm always come from the same build (no LinkError from mixed versions).
// - Serves the app offline; never fetches from any other origin.
// - A new version installs in the background and waits; the page offers "reload when you like" and
//   sends "skip-waiting" only when the person accepts. Old caches go only once the new one is active.
'use strict';
const BUILD = '__BUILD__';
const FILES = __FILES__;
const CACHE = 'toward-' + BUILD;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

// Only the app's own old versions ("toward-<hash>") go: "toward.second-copy.*" hold the person's saved
// files (web/glue/second_copy.js) and are never touched here.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('toward-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then((cache) => {
    const key = request.mode === 'navigate' ? new URL('./', self.location).href : url.origin + url.pathname;
    return cache.match(key, { ignoreSearch: true }).then((hit) => hit || fetch(request));
  }));
});
