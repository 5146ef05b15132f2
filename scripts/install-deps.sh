#!/usr/bin/env bash
# install-deps.sh -- installs the Debian 12 packages saywho needs to build, test, fuzz and benchmark.
#
# Idempotent: packages already installed are left alone, and `apt-get update` runs only when
# something is missing. Works as root; otherwise uses sudo when it exists.
set -euo pipefail

PACKAGES=(build-essential cmake pkg-config libutf8proc-dev libsqlite3-dev sqlite3 python3 clang hyperfine)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present (${PACKAGES[*]})"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-deps: not root and no sudo; please install: ${missing[*]}" >&2
        exit 1
    fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
