#!/usr/bin/env bash
# Builds the fixture tree of the capability corpus in DIR (an empty directory, or one this script
# already filled: it is idempotent). DIR/granted is what the cases are granted (--grant
# files=granted, paths relative to DIR); everything else in DIR is outside the grant and must
# never change or leak ("TOP SECRET").
#
#   DIR/secret.txt            "TOP SECRET"               outside the grant
#   DIR/single.txt            "single file\n"            the --grant file=single.txt target
#   DIR/granted/notes.txt     "hello\nworld\n"
#   DIR/granted/sub/inner.txt "inner\n"
#   DIR/granted/empty/        empty directory
#   DIR/granted/café ☕.txt    "unicode\n"
#   DIR/granted/fifo          FIFO (must be refused, never block)
#   symlinks in DIR/granted:  link_in -> notes.txt, link_out -> ../secret.txt,
#     link_abs -> /etc/hostname, link_chain1 -> link_chain2 -> ../secret.txt, loop1 <-> loop2,
#     dangling -> nowhere, dirlink_out -> .., proc_root -> /proc/self/root,
#     sub/link_up -> ../../secret.txt (outside), sub/link_rel -> ../secret.txt (points at the
#     missing granted/secret.txt: inside, but outside once moved one level up)
set -euo pipefail
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 DIR   (DIR must be an existing directory)" >&2
    exit 2
fi
cd "$1"

printf 'TOP SECRET' > secret.txt
printf 'single file\n' > single.txt

mkdir -p granted/sub granted/empty
printf 'hello\nworld\n' > granted/notes.txt
printf 'inner\n' > granted/sub/inner.txt
printf 'unicode\n' > 'granted/café ☕.txt'

[ -p granted/fifo ] || { rm -f granted/fifo; mkfifo granted/fifo; }

# ln -sfn replaces an existing link instead of descending into it.
link() { ln -sfn "$1" "granted/$2"; }
link notes.txt link_in
link ../secret.txt link_out
link /etc/hostname link_abs
link link_chain2 link_chain1
link ../secret.txt link_chain2
link loop2 loop1
link loop1 loop2
link nowhere dangling
link .. dirlink_out
link /proc/self/root proc_root
link ../../secret.txt sub/link_up
link ../secret.txt sub/link_rel
