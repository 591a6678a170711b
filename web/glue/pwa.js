// web/glue/pwa.js: the installable, offline side of the page (included with --pre-js after the TowardGlue
// files, storage.js first).
// [SECTION] service worker: registration, "a new version is ready", applying it only when asked
// [SECTION] install: the browser's install prompt, or whether Toward already runs installed
// [SECTION] storage health: persistent storage (or none to be had), usage and quota
// C++ reads this state through core/platform/platform_web.cpp; nothing here reloads by itself.
'use strict';

var TowardPwa = (function () {
  const state = {
    registration: null,
    registering: null,      // the promise of the registration, from the moment it was asked for
    waiting: null,          // the new version's worker, installed and waiting
    accepted: false,        // the person chose to use the new version now
    installPrompt: null,    // the browser's deferred install prompt
    installed: false,
    persisted: null,        // true / false once known
    persistAsked: false,
    // Asking shows the person a question of the browser's own (Firefox: "Allow ... to store data in persistent
    // storage?"); other browsers decide by themselves, silently. Where it asks, Toward asks only from its
    // Settings button, never in the middle of someone's writing.
    persistPrompts: /\bFirefox\//.test(navigator.userAgent),
    // No promise to keep the data can be had: no storage API here, or the browser refused persist().
    mayVanish: !(navigator.storage && navigator.storage.persist),
    usage: -1,
    quota: -1,
  };
  const notify = () => TowardGlue.wake();

  // ------------------------------------------------------------------ [SECTION] service worker
  function setWaiting(worker) {
    state.waiting = worker;
    notify();
  }
  // A new version is one that installs while an earlier one already ran this page or this origin. The
  // controller at the time of 'installed' does not say so: on a first visit WebKit has already set it
  // through the new worker's clients.claim().
  const controlledAtLoad = !!('serviceWorker' in navigator && navigator.serviceWorker.controller);
  function track(worker) {
    const replacesAnother = controlledAtLoad || !!(state.registration && state.registration.active);  // a first install: nothing active yet
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && replacesAnother) setWaiting(worker);
    });
  }
  function watch(reg) {
    if (reg.waiting && controlledAtLoad) setWaiting(reg.waiting);
    // A version the browser began to install before register() answered (WebKit answers late) is watched too.
    if (reg.installing) track(reg.installing);
    reg.addEventListener('updatefound', () => { if (reg.installing) track(reg.installing); });
  }
  function register() {
    if (!('serviceWorker' in navigator)) return;
    state.registering = navigator.serviceWorker.register('sw.js').then((reg) => {
      if (!reg) return null;   // a browser that blocks workers may answer with nothing
      state.registration = reg;
      watch(reg);
      return reg;
    }, (err) => { console.warn('Toward works without offline support here: ' + err); return null; });
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // Only a version the person accepted reloads the page (after everything was saved).
      if (state.accepted && !reloading) {
        reloading = true;
        location.reload();
      }
    });
  }
  // A check asked for while the registration is still on its way (WebKit answers register() only after its
  // own first look at sw.js) waits for it and then looks again, instead of doing nothing.
  function checkForUpdate() {
    if (!state.registering) return Promise.resolve();
    return state.registering.then((reg) => (reg ? reg.update() : undefined)).catch(() => undefined);
  }
  function acceptUpdate() {
    const worker = state.waiting;
    if (!worker || state.accepted) return;
    state.accepted = true;
    TowardGlue.flush().then(() => worker.postMessage({ type: 'skip-waiting' }),
      () => { state.accepted = false; notify(); });
  }

  // ------------------------------------------------------------------ [SECTION] install
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault();
    state.installPrompt = e;
    notify();
  });
  window.addEventListener('appinstalled', () => {
    state.installed = true;
    state.installPrompt = null;
    notify();
  });
  function installState() {  // 0 unavailable, 1 the browser offers it, 2 installed
    const standalone = (window.matchMedia && window.matchMedia('(display-mode: standalone)').matches) || navigator.standalone === true;
    if (state.installed || standalone) return 2;
    return state.installPrompt ? 1 : 0;
  }
  function promptInstall() {
    const prompt = state.installPrompt;
    if (!prompt) return;
    prompt.prompt();
    prompt.userChoice.then((choice) => {
      state.installPrompt = null;
      if (choice && choice.outcome === 'accepted') state.installed = true;
      notify();
    }, () => undefined);
  }

  // ------------------------------------------------------------------ [SECTION] storage health
  function refreshStorage() {
    const s = navigator.storage;
    if (!s) return;
    const persisted = s.persisted ? s.persisted() : Promise.resolve(null);
    const estimate = s.estimate ? s.estimate() : Promise.resolve({});
    Promise.all([persisted, estimate]).then((r) => {
      const before = [state.persisted, state.quota, state.usage > 0.8 * state.quota].join();
      state.persisted = r[0];
      if (r[0] === true) state.mayVanish = false;
      state.usage = typeof r[1].usage === 'number' ? r[1].usage : -1;
      state.quota = typeof r[1].quota === 'number' ? r[1].quota : -1;
      // A frame only when the promise, the quota or the "nearly full" note changed: an idle page draws
      // nothing (the usage figure in Settings is read again with the next frame).
      if ([state.persisted, state.quota, state.usage > 0.8 * state.quota].join() !== before) notify();
    }, () => undefined);
  }
  let refreshTimer = null;
  // After saves: refresh usage at most every few seconds.
  function refreshStorageSoon() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => { refreshTimer = null; refreshStorage(); }, 3000);
  }
  function requestPersistence() {
    const s = navigator.storage;
    if (!s || !s.persist || state.persistAsked) return;
    state.persistAsked = true;
    s.persist().then((granted) => {
      state.persisted = granted;
      state.mayVanish = !granted;
      notify();
      refreshStorage();
    }, () => undefined);
  }

  // The worker is registered once everything is open (onOpened: the first frame with every record read): on
  // a first visit its install fetches every file of the app again to keep them offline, and done earlier (at
  // the page's load event) that work ran beside the module's compile and the start, on the same cores. If
  // that frame does not come (a page that could not start), it is registered 10 s after the load all the same.
  let registered = false;
  function registerOnce() {
    if (registered) return;
    registered = true;
    register();
  }
  const onOpened = TowardGlue.onOpened;
  TowardGlue.onOpened = function () {
    onOpened();
    setTimeout(registerOnce, 0);
  };
  window.addEventListener('load', () => {
    refreshStorage();
    setTimeout(registerOnce, 10000);
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      checkForUpdate();
      refreshStorage();
    }
  });
  setInterval(checkForUpdate, 60 * 60 * 1000);
  setInterval(refreshStorage, 5 * 60 * 1000);

  return { state, checkForUpdate, acceptUpdate, installState, promptInstall, requestPersistence, refreshStorage, refreshStorageSoon };
})();
