"""Counting, with no capability: what the plugin's tests exercise under `objcap test`."""
import re

WORD = re.compile(r"\w+(?:['’-]\w+)*")


def count(text):
    """Words, characters and lines of `text` (an empty text has no lines)."""
    return {
        "words": len(WORD.findall(text)),
        "characters": len(text),
        "lines": len(text.splitlines()),
    }


def plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def describe(counts, what):
    return (f"{what}: {plural(counts['words'], 'word')}, "
            f"{plural(counts['characters'], 'character')}, {plural(counts['lines'], 'line')}")
