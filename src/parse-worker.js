// The parse worker's script (a module worker). It runs the app's own wasm, so there is one
// build and one download: the app's first message hands over the compiled module and the URL
// of its JavaScript glue, `{boot: {js, module}}`; once instantiated, `parse_worker_main`
// (src/worker.rs) takes over the messages and answers `{ready: PROTOCOL}`. A failure to start
// is answered `{bootError: "<message>"}`, so the app can say why instead of waiting.
self.onmessage = async (event) => {
  const boot = event.data && event.data.boot;
  if (!boot) return;
  self.onmessage = null;
  try {
    const glue = await import(boot.js);
    // The instance's exports stay reachable for measurement (tests/bench/scale.bench.mjs reads
    // the worker's wasm memory).
    self.parseWorkerWasm = await glue.default({ module_or_path: boot.module });
    glue.parse_worker_main();
  } catch (error) {
    self.postMessage({ bootError: String((error && error.message) || error) });
  }
};
