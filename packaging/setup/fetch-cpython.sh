#!/usr/bin/env bash
# Puts the pinned, hash-verified CPython source tarball at the path given as $1.
# Sources, in order: $OBJCAP_CPYTHON_TARBALL, the local cache, the upstream release URL, and
# Debian's source package (whose orig tarball is the identical upstream file).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../../sandbox/cpython/cpython.env
. "$here/../../sandbox/cpython/cpython.env"
dest=${1:?usage: fetch-cpython.sh DEST_TARBALL}
name="Python-$CPYTHON_VERSION.tar.xz"
tried=()

verify() {  # verify FILE: succeeds only if FILE has the pinned SHA-256
    [ -f "$1" ] || return 1
    local got
    got=$(sha256sum "$1" | cut -d' ' -f1)
    if [ "$got" != "$CPYTHON_SHA256" ]; then
        echo "objcap: $1 has SHA-256 $got, expected $CPYTHON_SHA256; ignoring it" >&2
        return 1
    fi
}

take() {  # take FILE: copy a verified FILE into place atomically
    mkdir -p "$(dirname "$dest")"
    cp "$1" "$dest.part" && mv "$dest.part" "$dest"
    echo "objcap: CPython $CPYTHON_VERSION source from $2 (SHA-256 verified)"
    exit 0
}

if [ -n "${OBJCAP_CPYTHON_TARBALL:-}" ]; then
    tried+=("\$OBJCAP_CPYTHON_TARBALL=$OBJCAP_CPYTHON_TARBALL")
    if verify "$OBJCAP_CPYTHON_TARBALL"; then take "$OBJCAP_CPYTHON_TARBALL" "\$OBJCAP_CPYTHON_TARBALL"; fi
fi

tried+=("cache $dest")
if verify "$dest"; then echo "objcap: CPython $CPYTHON_VERSION source from cache (SHA-256 verified)"; exit 0; fi
rm -f "$dest"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The network routes, skipped when OBJCAP_OFFLINE is set.
fetch_online() {
    url="https://www.python.org/ftp/python/$CPYTHON_VERSION/$name"
    tried+=("$url")
    if command -v curl >/dev/null && curl -fsSL --connect-timeout 10 --max-time 300 -o "$work/$name" "$url" 2>/dev/null \
        && verify "$work/$name"; then
        take "$work/$name" "$url"
    fi

    # The mirror this machine's apt already uses for Debian itself (never hard-coded here).
    debian_mirror() {
        local f
        for f in /etc/apt/sources.list.d/*.sources; do
            [ -f "$f" ] || continue
            awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' "$f"
        done
        if [ -f /etc/apt/sources.list ]; then
            awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/ && $i ~ /:\/\//) { print $i; break } }' \
                /etc/apt/sources.list
        fi
    }
    mirror=$(debian_mirror | sed 's:/*$::' | grep -E '/debian$' | head -n1 || true)
    if [ -n "$mirror" ] && command -v apt-get >/dev/null; then
        tried+=("Debian source package $CPYTHON_DEBIAN_SOURCE ($CPYTHON_DEBIAN_SUITE) from this machine's Debian mirror")
        apt_state="$work/apt"
        mkdir -p "$apt_state"/{lists/partial,cache/archives/partial,etc/sources.list.d,etc/preferences.d,etc/apt.conf.d,dl}
        keyring=/usr/share/keyrings/debian-archive-keyring.gpg
        echo "deb-src [signed-by=$keyring] $mirror $CPYTHON_DEBIAN_SUITE main" > "$apt_state/etc/sources.list"
        apt_opts=(
            -o "Dir::Etc::SourceList=$apt_state/etc/sources.list"
            -o "Dir::Etc::SourceParts=$apt_state/etc/sources.list.d"
            -o "Dir::Etc::Preferences=$apt_state/etc/preferences"
            -o "Dir::Etc::PreferencesParts=$apt_state/etc/preferences.d"
            -o "Dir::State=$apt_state" -o "Dir::State::Lists=$apt_state/lists"
            -o "Dir::Cache=$apt_state/cache" -o "APT::Sandbox::User=$(id -un)"
            -o "Debug::NoLocking=1"
        )
        if apt-get -qq "${apt_opts[@]}" update >"$work/apt.log" 2>&1 \
            && (cd "$apt_state/dl" && apt-get -qq "${apt_opts[@]}" source --download-only "$CPYTHON_DEBIAN_SOURCE") >>"$work/apt.log" 2>&1; then
            orig=$(ls "$apt_state/dl/${CPYTHON_DEBIAN_SOURCE}_${CPYTHON_VERSION}".orig.tar.* 2>/dev/null | head -n1 || true)
            if [ -n "$orig" ] && verify "$orig"; then take "$orig" "Debian source package $CPYTHON_DEBIAN_SOURCE"; fi
            echo "objcap: Debian's $CPYTHON_DEBIAN_SOURCE did not provide the $CPYTHON_VERSION orig tarball" >&2
        else
            sed 's/^/  apt: /' "$work/apt.log" >&2
        fi
    fi
}

if [ -n "${OBJCAP_OFFLINE:-}" ]; then
    tried+=("(network sources skipped: OBJCAP_OFFLINE is set)")
else
    fetch_online
fi

{
    echo "objcap: could not obtain CPython $CPYTHON_VERSION with SHA-256 $CPYTHON_SHA256."
    echo "Looked in:"
    printf '  - %s\n' "${tried[@]}"
    echo "Put the upstream $name somewhere and set OBJCAP_CPYTHON_TARBALL to its path."
} >&2
exit 1
