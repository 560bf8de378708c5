#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages smm builds and tests with; does nothing when all are present.
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config ccache python3 git groff tzdata
  libcli11-dev libcurl4-openssl-dev nlohmann-json3-dev libfmt-dev catch2 libutf8proc-dev
  libhowardhinnant-date-dev libssl-dev libcpp-httplib-dev libsimdjson-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
