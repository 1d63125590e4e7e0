"""Exports tables (lists of dicts) as CSV or JSON into ctx.files, inside its quota.

When the folder's quota is full, the oldest exports made by this plugin are removed to make
room; an export larger than the whole quota is refused up front, removing nothing.
"""
import csv
import json
import re

import objcap

FOLDER = "exports"


class _Lines:
    """The smallest file-like object csv.writer needs: it collects what is written."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


def render(rows, fmt):
    if fmt == "json":
        return json.dumps(rows, indent=2, sort_keys=True) + "\n"
    if fmt != "csv":
        raise ValueError(f"unknown export format {fmt!r}: 'csv' or 'json'")
    columns = sorted({key for row in rows for key in row})
    out = _Lines()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return "".join(out.parts)


def exports(files):
    """The exports made so far, oldest first (names start with a sequence number)."""
    if not files.exists(FOLDER):
        return []
    return sorted(files.listdir(FOLDER))


def export(files, name, rows, fmt="csv"):
    """Writes one export and returns its path inside the folder."""
    if not name or "/" in name or name.startswith("."):
        raise ValueError(f"not an export name: {name!r}")
    text = render(rows, fmt)
    if not files.exists(FOLDER):
        files.mkdir(FOLDER)
    done = exports(files)
    number = int(done[-1].split("-", 1)[0]) + 1 if done else 1
    path = f"{FOLDER}/{number:04d}-{name}.{fmt}"
    while True:
        try:
            files.write_text(path, text)
            return path
        except objcap.CapabilityError as refusal:
            # "quota exceeded writing '...': USED of TOTAL bytes used, N more needed"
            quota = re.search(r"(\d+) of (\d+) bytes used", str(refusal))
            if not quota or not done or len(text.encode()) > int(quota.group(2)):
                raise
            files.remove(f"{FOLDER}/{done.pop(0)}")  # make room: the oldest export goes


def activate(ctx):
    sample = [{"plugin": "exporter", "sandboxed": True}]
    path = export(ctx.files, "hello", sample)
    ctx.log.info(f"exported {len(sample)} row(s) to {path}")
