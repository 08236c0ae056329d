// Times require(dist/extension.js) + activate() in a plain Node process (no tsx/ts-node hooks, which
// would transform the bundle and distort the figure), with a stub `vscode`. Prints JSON: [activate ms, first-use ms] per load.
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const API_NAMES = JSON.parse(process.argv[3]);
const loads = Number(process.argv[2]);

function makeStub() {
  const stub = new Proxy(function () {}, {
    get: (_t, property) => {
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => '';
      if (property === Symbol.iterator) return function* () {};
      return stub;
    },
    apply: () => stub,
    construct: () => stub,
  });
  return stub;
}

const vscode = { version: '1.104.0' };
for (const name of API_NAMES) vscode[name] = makeStub();
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : originalLoad.call(this, request, ...rest);
};

const bundle = require.resolve(path.resolve(__dirname, '..', 'dist', 'extension.js'));
const services = require.resolve(path.resolve(__dirname, '..', 'dist', 'services.js'));
const times = [];
for (let i = 0; i < loads; i++) {
  delete require.cache[bundle];
  delete require.cache[services];
  const started = performance.now();
  require(bundle).activate(makeStub());
  const activated = performance.now();
  // What the first Grok command pays once: loading the lazy half (openai SDK, zod, prompt builder).
  require(services);
  times.push([activated - started, performance.now() - activated]);
}
process.stdout.write(JSON.stringify(times));
