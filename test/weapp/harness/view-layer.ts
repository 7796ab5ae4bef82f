import { execFile } from 'node:child_process'
import { chmod, readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import vm from 'node:vm'

/** A node of the virtual tree WeChat's renderer builds: an element, or a text. */
export type ViewNode = string | ViewElement
export interface ViewElement {
  tag: string
  attr?: Record<string, unknown>
  children: ViewNode[]
}

type Generator = (data: unknown, dd: unknown, global?: unknown) => ViewElement
type Gwx = (path: string) => Generator | undefined

/** WeChat's own WXML compiler (x86-64 Linux), shipped by the `miniprogram-compiler` package. */
export function wccPath(): string {
  const require = createRequire(import.meta.url)
  return path.join(
    path.dirname(require.resolve('miniprogram-compiler/package.json')),
    'bin/linux/wcc',
  )
}

/**
 * Every .wxml and .wxs of a build compiled at once, as WeChat's tools do: JavaScript that
 * defines `$gwx`. Each page's custom components (`usingComponents`) are named with `-cc`.
 */
export async function compileWxml(distDir: string): Promise<string> {
  const files = await listFiles(distDir)
  const wxml = files.filter((file) => file.endsWith('.wxml'))
  const wxs = files.filter((file) => file.endsWith('.wxs'))
  const components: string[] = []
  let withComponents = 0
  for (const file of wxml) {
    const json = await readJson(path.join(distDir, file.replace(/\.wxml$/, '.json')))
    const using = Object.keys(json?.usingComponents ?? {})
    if (using.length === 0) continue
    withComponents++
    components.push(file, String(using.length), ...using)
  }
  const wcc = wccPath()
  // npm does not always keep the package's run bit.
  await chmod(wcc, 0o755)
  const args = ['-d', '-cc', [withComponents, ...components].join(' '), ...wxml, ...wxs]
  const { stdout } = await promisify(execFile)(wcc, [...args, '-gn', '$gwx'], {
    cwd: distDir,
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
}

/**
 * The view layer: the compiled templates in a context of their own (WeChat renders in
 * another thread). Renders a page's data to its virtual tree and keeps every problem the
 * renderer reports (`WXMLRT_…` warnings, e.g. a template that does not exist).
 */
export class ViewLayer {
  readonly problems: string[] = []
  private readonly gwx: Gwx
  private readonly parse: (json: string) => unknown

  constructor(compiled: string) {
    const report = (...args: unknown[]) => this.problems.push(args.map(String).join(' '))
    const console = { log() {}, info() {}, warn: report, error: report }
    const context = vm.createContext({ window: {}, console })
    // The output assigns $gwx and __WXML_GLOBAL__ without declaring them.
    const source = `(function () { var $gwx, __WXML_GLOBAL__;\n${compiled}\n; return $gwx })()`
    this.gwx = vm.runInContext(source, context, { filename: 'wcc-output.js' }) as Gwx
    this.parse = vm.runInContext('JSON.parse', context)
  }

  /** The tree WeChat would draw for a page (or component) file and its data. */
  render(file: string, data: unknown): ViewElement {
    const generate = this.gwx(file)
    if (!generate) throw new Error(`no compiled template for ${file}`)
    // Data reaches the view as a copy: WeChat serialises it between threads.
    const tree = generate(this.parse(JSON.stringify(data)), {}, undefined)
    return this.expandComponents(tree)
  }

  /** Taro draws subtrees deeper than its templates go with its `comp` component: inline them. */
  private expandComponents(node: ViewElement): ViewElement {
    const children = node.children.map((child) => {
      if (typeof child === 'string') return child
      if (child.tag === 'comp') return this.render('comp.wxml', { i: child.attr?.i })
      return this.expandComponents(child)
    })
    return { ...node, children }
  }
}

const FIELDS = new Set(['wx-input', 'wx-textarea'])

/**
 * The text a person would see: every text node in document order, and what is typed in
 * each field, blanks dropped.
 */
export function visibleTexts(node: ViewNode): string[] {
  if (typeof node === 'string') return node.trim() ? [node.trim()] : []
  const value = FIELDS.has(node.tag) ? String(node.attr?.value ?? '').trim() : ''
  return [...(value ? [value] : []), ...node.children.flatMap(visibleTexts)]
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name
      return entry.isDirectory() ? listFiles(dir, relative) : [relative]
    }),
  )
  return nested.flat().sort()
}

async function readJson(
  file: string,
): Promise<{ usingComponents?: Record<string, string> } | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch {
    return null
  }
}
