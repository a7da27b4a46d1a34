// The workbook's service worker: the whole build offline, and updates that
// never mix two versions in one session. scripts/make-pwa.mjs writes sw.js
// from this template with the list of this build's files and their sha-256.
'use strict';
const PRECACHE = null;  // filled in by scripts/make-pwa.mjs

// One cache per build and per scope: two workbooks on one origin keep their own.
const PREFIX = 'networking-workbook:' + self.registration.scope + ':';
const CACHE = PREFIX + PRECACHE.build;
const INDEX = 'index.html';
const NETWORK_TIMEOUT_MS = 3000;

const url = (file) => new URL(file, self.registration.scope).href;

// Fetches one file and checks its bytes against the build's hash. The HTTP cache
// may answer first (a 304 is cheap); if its bytes are stale the check fails and
// we fetch again past it.
async function fetchVerified(file) {
  const integrity = PRECACHE.files[file];
  try {
    return await fetch(new Request(url(file), { cache: 'no-cache', integrity }));
  } catch (e) {
    return fetch(new Request(url(file), { cache: 'reload', integrity }));
  }
}

// Install: all files of this build or none. No skipWaiting: the new version
// waits until the learner asks for it (the page's "Reload").
self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const files = Object.keys(PRECACHE.files);
    const responses = await Promise.all(files.map(async (f) => {
      const res = await fetchVerified(f);
      if (!res.ok) throw new Error(`precache: ${f}: HTTP ${res.status}`);
      return res;
    }));
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(files.map((f, i) => cache.put(url(f), responses[i])));
    } catch (e) {
      await caches.delete(CACHE);  // a half-filled cache must never serve
      throw e;
    }
  })());
});

// Activate: drop the caches of our earlier builds (only ours: same prefix).
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return 'sha256-' + btoa(String.fromCharCode(...digest));
}

function timeout(ms) {
  return new Promise((_, fail) => setTimeout(() => fail(new Error('network timeout')), ms));
}

// The page: network first, the cached copy if the network fails or hangs.
// The network copy is used only if it is this build's index.html: a newer one
// would load this build's cached scripts under a new page and mix versions.
// Then this build's page is served and an update check starts, so the new
// version installs in the background and the page offers to switch.
async function servePage(request) {
  const cached = await caches.match(url(INDEX), { cacheName: CACHE });
  try {
    const res = await Promise.race([fetch(request), timeout(NETWORK_TIMEOUT_MS)]);
    if (!cached) return res;
    if (!res.ok) return cached;
    const body = await res.arrayBuffer();
    if (await sha256(body) === PRECACHE.files[INDEX]) {
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    }
    self.registration.update().catch(() => {});
    return cached;
  } catch (e) {
    if (cached) return cached;
    throw e;
  }
}

async function serveFile(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const u = new URL(request.url);
  if (u.origin !== self.location.origin || !u.href.startsWith(self.registration.scope)) return;
  const file = u.pathname.slice(new URL(self.registration.scope).pathname.length);
  if (file === '' || file === INDEX) event.respondWith(servePage(request));
  else if (!u.search && Object.prototype.hasOwnProperty.call(PRECACHE.files, file)) event.respondWith(serveFile(request));
});
