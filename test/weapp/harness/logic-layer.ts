import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/**
 * The ECMAScript built-ins the context keeps: the standard library WeChat's base library
 * guarantees on every client (the engine's own or core-js's polyfill). Everything else V8
 * puts in a fresh context is deleted: Intl (not guaranteed on every client), WebAssembly
 * (WeChat has WXWebAssembly instead), SharedArrayBuffer, Atomics, WeakRef,
 * FinalizationRegistry, Iterator (core-js cannot polyfill the first ones; the last is too
 * new to rely on).
 */
export const ECMASCRIPT_GLOBALS = [
  'globalThis',
  'Object',
  'Function',
  'Array',
  'Number',
  'Boolean',
  'String',
  'Symbol',
  'BigInt',
  'Date',
  'RegExp',
  'Promise',
  'Proxy',
  'Reflect',
  'JSON',
  'Math',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Error',
  'AggregateError',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'ArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURI',
  'encodeURIComponent',
  'decodeURI',
  'decodeURIComponent',
  'escape',
  'unescape',
  'eval',
  'Infinity',
  'NaN',
  'undefined',
] as const

/**
 * What WeChat's logic layer adds to them, and nothing more: no `window`, `document`,
 * `URL`, `URLSearchParams`, `TextEncoder`, `fetch`, `structuredClone`, `AbortController`,
 * `queueMicrotask`, `atob`, `setImmediate`, `MessageChannel`, `requestAnimationFrame`,
 * `performance`, `process` or `Buffer`. Add one only after checking it on a real device
 * running the oldest base library the app supports.
 */
export const WECHAT_GLOBALS = [
  'wx',
  'App',
  'Page',
  'Component',
  'Behavior',
  'getApp',
  'getCurrentPages',
  'requirePlugin',
  'console',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
] as const

export type WechatGlobals = Record<(typeof WECHAT_GLOBALS)[number], unknown>

// One compiled script per file, shared by every context that loads it.
const scripts = new Map<string, vm.Script>()

/**
 * A context standing in for WeChat's logic layer: the globals above only, and, as on a
 * phone, no code generation (`eval` and `new Function` throw EvalError).
 */
export class LogicLayer {
  readonly context: vm.Context
  private readonly modules = new Map<string, { exports: unknown }>()

  constructor(
    private readonly root: string,
    globals: WechatGlobals,
  ) {
    this.context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } })
    const global = vm.runInContext('globalThis', this.context) as Record<string, unknown>
    const keep = new Set<string>(ECMASCRIPT_GLOBALS)
    for (const name of Object.getOwnPropertyNames(global)) {
      if (!keep.has(name)) delete global[name]
    }
    Object.assign(global, globals)
  }

  /** Runs a script in the context, as a file of the build would be. */
  evaluate(source: string, filename = 'snippet.js'): unknown {
    return vm.runInContext(source, this.context, { filename })
  }

  /**
   * CommonJS as WeChat runs it: `require` relative to the requiring file, `.js` optional,
   * each file run once.
   */
  require(file: string): unknown {
    const resolved = path.posix.normalize(file.endsWith('.js') ? file : `${file}.js`)
    const cached = this.modules.get(resolved)
    if (cached) return cached.exports
    const module = { exports: {} as unknown }
    this.modules.set(resolved, module)
    const dir = path.posix.dirname(resolved)
    const localRequire = (request: string) => this.require(path.posix.join(dir, request))
    const run = this.script(resolved).runInContext(this.context) as (
      require: (request: string) => unknown,
      module: { exports: unknown },
      exports: unknown,
    ) => void
    run(localRequire, module, module.exports)
    return module.exports
  }

  private script(file: string): vm.Script {
    const filename = path.join(this.root, file)
    let script = scripts.get(filename)
    if (!script) {
      const source = readFileSync(filename, 'utf8')
      script = new vm.Script(`(function (require, module, exports) {${source}\n})`, { filename })
      scripts.set(filename, script)
    }
    return script
  }
}

/** An error from the other realm is no `instanceof Error` here: read it by shape. */
export function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'stack' in value) {
    return String((value as { stack: unknown }).stack)
  }
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value)
    } catch {
      return String(value)
    }
  }
  return String(value)
}
