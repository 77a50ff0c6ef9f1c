#!/bin/sh
# Makes a fresh machine ready: pnpm, the workspace's dependencies and (for browser tests) Chromium.
# Idempotent and quiet when everything is already there.
set -eu
cd "$(dirname "$0")/.."

if ! command -v pnpm >/dev/null 2>&1; then
  echo "bootstrap: installing pnpm 10.34.9"
  npm i -g pnpm@10.34.9 >/dev/null 2>&1 || npm i -g --prefix "$HOME/.local" pnpm@10.34.9 >/dev/null
  export PATH="$HOME/.local/bin:$PATH"
fi

if [ ! -d node_modules/.pnpm ] || [ pnpm-lock.yaml -nt node_modules/.pnpm/lock.yaml ]; then
  echo "bootstrap: pnpm install"
  pnpm install --frozen-lockfile
fi

if [ "${SKIP_BROWSER:-}" != "1" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing Chromium with apt (about a minute)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "bootstrap: /usr/bin/chromium is missing and this user cannot apt-get install it; browser tests will fail" >&2
  fi
fi

# The Redis rate limiter tests (packages/server) start their own redis-server on a free loopback port and stop it;
# they only need the binary. Under CI=1 a missing one fails them rather than skipping.
# `npm run dev` (SKIP_BROWSER=1) needs neither.
if [ "${SKIP_BROWSER:-}" != "1" ] && [ ! -x /usr/bin/redis-server ] && ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing redis-server with apt"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  else
    echo "bootstrap: redis-server is missing and this user cannot apt-get install it; the Redis tests will fail under CI" >&2
  fi
fi
