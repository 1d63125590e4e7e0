"""Short notes in ctx.storage: add, list, remove."""
import datetime


def add_note(storage, text):
    notes = storage.get("notes", [])
    notes.append({"text": text, "at": datetime.datetime.now().isoformat(timespec="seconds")})
    storage.set("notes", notes)
    return len(notes)


def remove_note(storage, index):
    notes = storage.get("notes", [])
    removed = notes.pop(index)
    storage.set("notes", notes)
    return removed["text"]


def list_notes(storage):
    return [note["text"] for note in storage.get("notes", [])]


def activate(ctx):
    for i, text in enumerate(list_notes(ctx.storage)):
        ctx.log.info(f"note {i + 1}: {text}")
