// Preloaded into `next build` and every worker it starts (NODE_OPTIONS=--require): records, and refuses,
// any WebSocket and any socket or DNS lookup to a host other than loopback. Building the example must not
// create an SDK instance, and `TencentCloudChat.create()` opens its WebSocket right inside the call, so a
// module-scope create() (or one during prerendering) shows up here. guardedBuild.mjs reads the record.
const { appendFileSync } = require('node:fs')
const dns = require('node:dns')
const net = require('node:net')

const record = process.env.BUILD_GUARD_LOG
if (!record) throw new Error('buildGuard.cjs: set BUILD_GUARD_LOG to the file that collects violations')

function violation(what) {
  const stack = (new Error().stack ?? '').split('\n').slice(2, 9).join('\n')
  appendFileSync(record, `${JSON.stringify({ pid: process.pid, what, stack })}\n`)
  return new Error(`buildGuard: ${what} during next build`)
}

function isLoopback(host) {
  if (host === undefined || host === null || host === '') return true // Node's default: localhost
  const h = String(host)
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\./.test(h)
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0]
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }
  if (options.path === undefined && !isLoopback(options.host)) {
    throw violation(`socket to ${options.host}:${options.port}`)
  }
  return connect.apply(this, args)
}

const lookup = dns.lookup
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (!isLoopback(hostname)) throw violation(`DNS lookup of ${hostname}`)
  return lookup.call(this, hostname, ...rest)
}

// Node 20 has no global WebSocket (the SDK looks for one); Node 22 has. Either way, none may be opened.
globalThis.WebSocket = class GuardedWebSocket {
  constructor(url) {
    throw violation(`WebSocket to ${url}`)
  }
}
