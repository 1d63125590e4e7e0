#!/usr/bin/env bash
# Installs the Debian packages objcap needs to build CPython and itself, when missing:
# through apt-get as root, through sudo otherwise, or else lists them for a manual install.
set -euo pipefail

packages=(
    # building the patched CPython
    build-essential pkg-config xz-utils patch curl ca-certificates
    libssl-dev libffi-dev zlib1g-dev libbz2-dev liblzma-dev libsqlite3-dev
    libreadline-dev libncurses-dev libgdbm-dev uuid-dev libexpat1-dev
    # building objcap
    cmake ninja-build qt6-base-dev qt6-base-dev-tools libgl-dev libtomlplusplus-dev libzip-dev
    # line editing and history in `objcap console` (BSD-licensed libedit)
    libedit-dev
    # the path-resolution fuzzer (libFuzzer needs clang)
    clang-14 libclang-rt-14-dev
    # running the desktop host and its tests offscreen
    qt6-qpa-plugins libqt6svg6
    # building the .deb and .tar.gz (cpack: dpkg-shlibdeps, file) and checking the desktop files
    dpkg-dev file desktop-file-utils appstream shared-mime-info
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "objcap: installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null; then
    as_root=(sudo)
else
    echo "objcap: not root and no sudo; install these packages, then run this again:" >&2
    echo "  apt-get install ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
