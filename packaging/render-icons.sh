#!/usr/bin/env bash
# Re-renders the hicolor PNG icons from resources/icons/objcap.svg (run after editing the SVG;
# the PNGs are committed so that building needs no SVG renderer). Needs rsvg-convert
# (Debian package librsvg2-bin).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
for size in 16 24 32 48 64 128 256 512; do
    out="$root/resources/icons/hicolor/${size}x${size}/org.objcap.Host.png"
    mkdir -p "$(dirname "$out")"
    rsvg-convert --width "$size" --height "$size" "$root/resources/icons/objcap.svg" -o "$out"
done
