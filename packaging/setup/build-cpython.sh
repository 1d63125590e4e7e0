#!/usr/bin/env bash
# Builds the pinned CPython with objcap's patches into a cache directory outside the build tree,
# keyed by the tarball hash + patch contents + this script, and prints that prefix on its last
# line. A later run with the same key reuses the cached runtime.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../../sandbox/cpython/cpython.env
. "$root/sandbox/cpython/cpython.env"
cache=${OBJCAP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/objcap}
patches=("$root"/sandbox/cpython/patches/*.patch)

key=$( { echo "$CPYTHON_SHA256"; cat "${patches[@]}" "$0"; } | sha256sum | cut -c1-16)
prefix="$cache/cpython-$CPYTHON_VERSION-$key"
if [ -f "$prefix/.objcap-complete" ]; then
    echo "$prefix"
    exit 0
fi

mkdir -p "$cache"
exec 9>"$cache/.build-$key.lock"
flock 9   # a concurrent build of the same key waits, then reuses the result
if [ -f "$prefix/.objcap-complete" ]; then echo "$prefix"; exit 0; fi

tarball="$cache/downloads/Python-$CPYTHON_VERSION.tar.xz"
"$here/fetch-cpython.sh" "$tarball" >&2

work=$(mktemp -d "$cache/build-$key.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "objcap: building patched CPython $CPYTHON_VERSION into $prefix (a few minutes, once)" >&2
tar -xf "$tarball" -C "$work"
src="$work/Python-$CPYTHON_VERSION"
for p in "${patches[@]}"; do
    if ! patch -d "$src" -p1 -N --fuzz=0 --batch --no-backup-if-mismatch <"$p" >"$work/patch.log" 2>&1; then
        echo "objcap: patch $(basename "$p") does not apply to CPython $CPYTHON_VERSION:" >&2
        sed 's/^/  /' "$work/patch.log" >&2
        exit 1
    fi
    echo "objcap: applied $(basename "$p")" >&2
done

jobs=$(nproc 2>/dev/null || echo 2)
# The runtime's objcap_patch_level marker (patch 0002): how many patches it carries.
level=${#patches[@]}
(
    cd "$src"
    ./configure --prefix="$prefix" --enable-shared --with-ensurepip=no --disable-test-modules \
        CPPFLAGS="-DOBJCAP_PATCH_LEVEL=$level" LDFLAGS="-Wl,-rpath,$prefix/lib" >"$work/configure.log" 2>&1 \
        || { tail -n 40 "$work/configure.log"; exit 1; }
    make -j"$jobs" >"$work/make.log" 2>&1 || { tail -n 60 "$work/make.log"; exit 1; }
    make install DESTDIR="$work/stage" >"$work/install.log" 2>&1 || { tail -n 40 "$work/install.log"; exit 1; }
) >&2
rm -rf "$prefix"
mv "$work/stage$prefix" "$prefix"
touch "$prefix/.objcap-complete"
echo "objcap: patched CPython ready in $prefix" >&2
echo "$prefix"
