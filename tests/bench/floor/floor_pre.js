// tests/bench/floor/floor_pre.js: the floor app's start (--pre-js): mounts IDBFS at /data and loads it
// the way IDBFS does by itself (FS.syncfs(true)) before main() runs, as any IDBFS app must.
'use strict';
Module.canvas = document.getElementById('canvas');
Module.preRun = Module.preRun || [];
Module.preRun.push(function () {
  addRunDependency('floor-load');
  FS.mkdir('/data');
  FS.mount(IDBFS, {}, '/data');
  FS.syncfs(true, function (err) {
    if (err) console.warn('floor: IDBFS load: ' + err);
    removeRunDependency('floor-load');
  });
});
