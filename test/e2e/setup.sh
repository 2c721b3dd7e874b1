#!/usr/bin/env bash
# Copy of ../shared/design/e2e-setup.sh (our own design script); `npm run test:e2e` runs it.
# Installs what the end-to-end tests need to run the extension in a real VS Code,
# downloading nothing but Debian packages and npm packages:
#   - code-server 4.100.3 = VS Code 1.100.3 (server, web workbench, Node extension host)
#   - Debian's chromium, driven by playwright-core
#   - @vscode/vsce, which packages the extension as a .vsix
#
# Usage: e2e-setup.sh [DIR]          DIR defaults to .e2e in the current directory
#
# Safe to run again: each finished part leaves a marker file and is skipped next time;
# a part that was interrupted (no marker) is deleted and installed again.
# Why each step looks the way it does: E2E.md next to this script.
set -Eeuo pipefail

CODE_SERVER_VERSION=4.100.3   # the last code-server for node 20; 4.103 and later need node 22
PLAYWRIGHT_VERSION=1.65.1
VSCE_VERSION=3.9.2
# The ripgrep package pinned by code-server 4.100.3, and the release its postinstall
# would download from GitHub; we put Debian's rg in its download cache instead.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10
APT_PACKAGES=(build-essential python3 libkrb5-dev ripgrep chromium curl)
CHROMIUM=/usr/bin/chromium

log() { printf '[e2e-setup %4ss] %s\n' "$SECONDS" "$*"; }
die() { printf '[e2e-setup] FAILED: %s\n' "$*" >&2; exit 1; }
trap 'die "command failed (line $LINENO): $BASH_COMMAND"' ERR
# Runs a command with its output in a log file; on failure shows the log's tail and stops.
logged() {
  local logfile=$1; shift
  "$@" >"$logfile" 2>&1 && return 0
  tail -n 40 "$logfile" >&2
  die "$* (full log: $logfile)"
}
deb_installed() {
  # not `dpkg -s`: it succeeds for a removed package whose config files are left
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true) == 'install ok installed' ]]
}

mkdir -p "${1:-.e2e}"
DIR=$(cd "${1:-.e2e}" && pwd)
LOGS=$DIR/logs
mkdir -p "$LOGS"
log "installing into $DIR"

# ---------------------------------------------------------------- 1. Debian packages
missing=()
for p in "${APT_PACKAGES[@]}"; do deb_installed "$p" || missing+=("$p"); done
if ((${#missing[@]})); then
  if ((EUID == 0)); then sudo=()
  elif command -v sudo >/dev/null; then sudo=(sudo)
  else die "not root and no sudo: install these Debian packages first: ${missing[*]}"
  fi
  log "apt-get install ${missing[*]} (log: $LOGS/apt.log)"
  logged "$LOGS/apt-update.log" "${sudo[@]}" apt-get update
  logged "$LOGS/apt.log" "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
[[ -x $CHROMIUM ]] || die "$CHROMIUM is missing although the chromium package is installed"
log "Debian packages present: $("$CHROMIUM" --version 2>/dev/null | head -n 1), $(rg --version | head -n 1)"

# ---------------------------------------------------------------- 2. node
{ command -v node && command -v npm; } >/dev/null || die "node and npm must be on PATH"
[[ $(node -p 'process.versions.node.split(".")[0]') == 20 ]] \
  || die "code-server $CODE_SERVER_VERSION needs node 20, this is node $(node -v); newer code-server releases need node 22 (not tried with this script)"
NODE_ABI=$(node -p process.versions.modules)
# node-gyp builds against the headers of the node that runs it; without them it downloads them
NODE_PREFIX=$(node -p 'require("path").resolve(process.execPath, "../..")')
[[ -f $NODE_PREFIX/include/node/node.h ]] \
  || die "no node headers in $NODE_PREFIX/include/node: node-gyp would try to download them"
case $(uname -m) in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;   # named as in @vscode/ripgrep; not tried
  *) die "no ripgrep asset name known for $(uname -m)" ;;
esac
log "node $(node -v) (modules ABI $NODE_ABI, headers in $NODE_PREFIX/include/node), npm $(npm -v)"

# ---------------------------------------------------------------- 3. code-server
CS=$DIR/code-server
CS_BIN=$CS/node_modules/.bin/code-server
VSC=$CS/node_modules/code-server/lib/vscode
CS_STAMP="code-server@$CODE_SERVER_VERSION node-abi-$NODE_ABI $(uname -m)"
if [[ $(cat "$CS/.installed" 2>/dev/null || true) != "$CS_STAMP" ]]; then
  log "installing code-server $CODE_SERVER_VERSION: npm install and native builds, about a minute (log: $LOGS/code-server-npm.log)"
  rm -rf "$CS"
  rg_cache=$CS/tmp/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION
  mkdir -p "$rg_cache" "$CS/tmp/rg"
  cp /usr/bin/rg "$CS/tmp/rg/rg"
  tar -czf "$rg_cache/ripgrep-$RIPGREP_RELEASE-$RG_TARGET.tar.gz" -C "$CS/tmp/rg" rg
  printf '{ "name": "e2e-code-server", "private": true }\n' >"$CS/package.json"
  # TMPDIR: where @vscode/ripgrep looks for its cached download (it checks no checksum).
  # unsafe_perm: code-server's postinstall refuses to run as root without it (npm 11 warns
  #   "Unknown env config", but still passes it on to the script).
  # yes: node-pty's postinstall runs `npx node-gyp`, which must not stop to ask.
  # nodedir: node-gyp uses the local headers instead of downloading them.
  # ignore_scripts=false: without the install scripts nothing native gets built.
  logged "$LOGS/code-server-npm.log" env -C "$CS" \
    TMPDIR="$CS/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm_config_nodedir="$NODE_PREFIX" npm_config_ignore_scripts=false \
    npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"

  # If npm ever stops running install scripts by default (it already warns about
  # "allowScripts"), npm install still succeeds: these checks are what notices.
  problems=()
  cmp -s /usr/bin/rg "$VSC/node_modules/@vscode/ripgrep/bin/rg" || problems+=("@vscode/ripgrep/bin/rg")
  for f in node-pty/build/Release/pty.node @vscode/spdlog/build/Release/spdlog.node \
           native-watchdog/build/Release/watchdog.node kerberos/build/Release/kerberos.node; do
    [[ -f $VSC/node_modules/$f ]] || problems+=("$f")
  done
  # code-server loads argon2 at start-up, even with --auth none
  (cd "$CS/node_modules/code-server" && node -e 'require("argon2")') >/dev/null 2>&1 || problems+=(argon2)
  ((${#problems[@]} == 0)) || die "code-server is incomplete, missing: ${problems[*]}. Did npm skip the install scripts? (look for 'allowScripts' in $LOGS/code-server-npm.log)"
  rm -rf "$CS/tmp"
  echo "$CS_STAMP" >"$CS/.installed"
fi
# Even --version writes a default config.yaml under $HOME: keep that out of the real one.
cs_version=$(env HOME="$DIR/home" XDG_CONFIG_HOME="$DIR/home/.config" XDG_DATA_HOME="$DIR/home/.local/share" \
  XDG_CACHE_HOME="$DIR/home/.cache" "$CS_BIN" --version 2>&1 | grep -m 1 "^$CODE_SERVER_VERSION ") || true
[[ $cs_version == "$CODE_SERVER_VERSION "* ]] || die "$CS_BIN --version printed '$cs_version'"
log "code-server ready: $cs_version"

# ---------------------------------------------------------------- 4. test tools
TOOLS=$DIR/tools
TOOLS_STAMP="playwright-core@$PLAYWRIGHT_VERSION @vscode/vsce@$VSCE_VERSION node-abi-$NODE_ABI"
if [[ $(cat "$TOOLS/.installed" 2>/dev/null || true) != "$TOOLS_STAMP" ]]; then
  log "installing playwright-core $PLAYWRIGHT_VERSION and @vscode/vsce $VSCE_VERSION (log: $LOGS/tools-npm.log)"
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  printf '{ "name": "e2e-tools", "private": true }\n' >"$TOOLS/package.json"
  # playwright-core never downloads a browser; the tests use Debian's chromium
  logged "$LOGS/tools-npm.log" env -C "$TOOLS" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm install --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" "@vscode/vsce@$VSCE_VERSION"
  echo "$TOOLS_STAMP" >"$TOOLS/.installed"
fi
vsce_version=$("$TOOLS/node_modules/.bin/vsce" --version) || die "vsce does not run"
pw_version=$(cd "$TOOLS" && node -p 'require("playwright-core/package.json").version') || die "playwright-core does not load"
log "tools ready: playwright-core $pw_version, vsce $vsce_version"

cat <<EOF
[e2e-setup] done in ${SECONDS}s
  code-server     $CS_BIN
  chromium        $CHROMIUM
  vsce            $TOOLS/node_modules/.bin/vsce
  playwright-core $TOOLS/node_modules/playwright-core
EOF
