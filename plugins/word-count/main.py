"""Counts the words of every .txt file in the granted folder (read-only is enough)."""
import re

WORD = re.compile(r"\w+")


def count_words(text):
    return len(WORD.findall(text))


def count_folder(files, path="."):
    totals = {}
    for name in files.listdir(path):
        full = name if path == "." else path + "/" + name
        if files.is_dir(full):
            totals.update(count_folder(files, full))
        elif name.endswith(".txt"):
            totals[full] = count_words(files.read_text(full))
    return totals


def activate(ctx):
    totals = count_folder(ctx.files)
    for name, words in sorted(totals.items()):
        ctx.log.info(f"{name}: {words} words")
    ctx.log.info(f"total: {sum(totals.values())} words in {len(totals)} files")
