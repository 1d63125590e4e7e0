import main


def test_add_list_remove():
    assert main.list_notes(ctx.storage) == []
    assert main.add_note(ctx.storage, "buy milk") == 1
    assert main.add_note(ctx.storage, "call Ada") == 2
    assert main.list_notes(ctx.storage) == ["buy milk", "call Ada"]
    assert main.remove_note(ctx.storage, 0) == "buy milk"
    assert main.list_notes(ctx.storage) == ["call Ada"]


def test_values_must_be_json():
    try:
        ctx.storage.set("bad", b"bytes")
    except TypeError:
        return
    raise AssertionError("bytes were stored")
