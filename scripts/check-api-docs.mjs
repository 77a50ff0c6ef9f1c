#!/usr/bin/env node
// Every export of every package entry is documented: a JSDoc comment on each type, and on each function, class
// or constant also an @example. Prints what is missing and exits 1 when anything is.
//
//   node scripts/check-api-docs.mjs
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

// The TypeScript entries every package publishes: the `source` condition of each `exports` entry.
const entries = readdirSync('packages').flatMap((dir) => {
  const { exports = {} } = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'))
  return Object.values(exports)
    .map((target) => target?.source)
    .filter((source) => /\.tsx?$/.test(source ?? ''))
    .map((source) => join('packages', dir, source))
})
const program = ts.createProgram(entries, {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ['source'],
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noEmit: true,
})
const checker = program.getTypeChecker()
const VALUE = ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable

let problems = 0
for (const entry of entries) {
  const source = program.getSourceFile(entry)
  if (!source) throw new Error(`${entry} not found`)
  const module = checker.getSymbolAtLocation(source)
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    const described = symbol.getDocumentationComment(checker).length > 0
    const example = symbol.getJsDocTags(checker).some((tag) => tag.name === 'example')
    const needsExample = (symbol.flags & VALUE) !== 0
    if (!described) console.log(`${entry}: ${exported.name} has no JSDoc`)
    else if (needsExample && !example) console.log(`${entry}: ${exported.name} has no @example`)
    else continue
    problems++
  }
}
console.log(
  problems ? `${problems} exports lack docs` : `every export of ${entries.length} entries is documented`,
)
process.exit(problems ? 1 : 0)
