#!/usr/bin/env bash
# Installs every Debian package iskra needs to build, test and benchmark. Idempotent.
set -euo pipefail
PKGS=(cmake g++ ninja-build pkg-config libicu-dev libstemmer-dev libzstd-dev libxxhash-dev
  libstreamvbyte-dev libroaring-dev nlohmann-json3-dev libsimdjson-dev libcpp-httplib-dev
  libcli11-dev libfmt-dev libspdlog-dev libpoppler-cpp-dev libgumbo-dev libmd4c-dev
  libmd4c-html0-dev libutf8proc-dev libre2-dev libxapian-dev libsqlite3-dev libgtest-dev
  libgmock-dev libbenchmark-dev clang-14 libclang-rt-14-dev wrk python3 time wordnet-base)
# Optional groups: browser tests (chromium + node) and the Java/Lucene peers for bench/.
if [[ "${ISKRA_WITH_BROWSER:-1}" == 1 ]]; then PKGS+=(chromium nodejs npm); fi
if [[ "${ISKRA_WITH_PEERS:-0}" == 1 ]]; then PKGS+=(liblucene8-java liblucene++-dev default-jdk-headless libboost-dev libboost-filesystem-dev libboost-thread-dev libboost-date-time-dev libboost-iostreams-dev); fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from outside Debian on some machines: do not force Debian's copy then.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done
  missing=("${tmp[@]+"${tmp[@]}"}")
fi
if (( ${#missing[@]} )); then
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
