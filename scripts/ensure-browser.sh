#!/usr/bin/env bash
# Brings Debian's chromium and fonts-noto-cjk onto the machine for the browser end-to-end tests
# (test/browser/, issue #8). Run by `./gongkai test` before the test runner. A quick no-op when both
# are installed; otherwise apt-get install (as root, or through `sudo -n` when that needs no
# password), with `apt-get update` only when the first try finds no package. Never fails the run:
# when the packages cannot be installed it says why, and the browser tests skip with that reason.
# No browser is ever downloaded from elsewhere (playwright-core only drives this chromium).
set -uo pipefail

packages=(chromium fonts-noto-cjk)
say() { echo "gongkai: $*" >&2; }

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

skip() {
  say "无法安装浏览器测试所需的 ${missing[*]}（$1）；浏览器端到端测试将跳过。"
  exit 0
}

command -v apt-get >/dev/null 2>&1 || skip "未找到 apt-get，不是 Debian 系统"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || skip "不是 root，也没有 sudo"
  sudo -n true >/dev/null 2>&1 || skip "sudo 需要密码"
  as_root=(sudo -n)
fi

say "正在安装浏览器测试所需的 Debian 软件包：${missing[*]} …"
log="$(mktemp)"
apt() { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@" >>"$log" 2>&1; }
install() { apt install -y --no-install-recommends "${missing[@]}"; }
if install || { apt update && install; }; then
  rm -f "$log"
  exit 0
fi
tail -n 20 "$log" >&2
rm -f "$log"
skip "apt-get 未成功，见上方输出"
