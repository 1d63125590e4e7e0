#!/usr/bin/env bash
# The two commands of the README. Both set everything up first and are safe to repeat:
#   ./dev.sh run    build, then start the desktop host with the example plugins
#   ./dev.sh test   build (warnings are errors), then run the whole test suite
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
build="$root/build"

setup() {  # setup [cmake options]
    "$root/packaging/setup/install-deps.sh"
    local generator=()
    [ -f "$build/CMakeCache.txt" ] || generator=(-G Ninja)
    cmake -S "$root" -B "$build" "${generator[@]}" "$@" >/dev/null
    cmake --build "$build"
}

case "${1:-}" in
    run)
        setup  # keeps whatever warning mode the build tree has
        exec "$build/bin/objcap-host" --plugins-dir "$root/plugins" "${@:2}"
        ;;
    test)
        setup -DOBJCAP_WERROR=ON
        cd "$build"
        exec ctest --output-on-failure --timeout 600 -j"$(nproc)" "${@:2}"
        ;;
    *)
        echo "usage: ./dev.sh run | ./dev.sh test [ctest arguments]" >&2
        exit 2
        ;;
esac
