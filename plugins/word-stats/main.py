"""Word Stats: a panel with live counts for the document, and a command (also a panel button)
that counts the words of the selection. Uses the editor host's `document` and `ui`."""
import stats

state = {}


def activate(ctx):
    state["document"] = ctx.document
    state["ui"] = ctx.ui
    ctx.ui.add_command("Count words in selection", count_selection, shortcut="Ctrl+Alt+W")
    panel = ctx.ui.panel("Statistics", [
        {"type": "label", "id": "document", "text": document_summary()},
        {"type": "label", "id": "selection", "text": "Selection: select some text and press Count"},
        {"type": "button", "id": "count", "text": "Count selection"},
    ])
    panel.on_event(on_event)
    state["panel"] = panel
    ctx.document.on_change(refresh)


def document_summary():
    return stats.describe(stats.count(state["document"].text()), "Document")


def refresh():
    state["panel"].update("document", text=document_summary())


def count_selection():
    counts = stats.count(state["document"].selection())
    text = stats.describe(counts, "Selection")
    state["panel"].update("selection", text=text)
    state["ui"].notify(text)


def on_event(widget, event, value):
    if widget == "count" and event == "clicked":
        count_selection()
