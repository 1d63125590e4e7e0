import main


def test_counts_words():
    assert main.count_words("Hello, sandboxed world!") == 3
    assert main.count_words("") == 0


def test_counts_a_folder_recursively():
    ctx.files.write_text("a.txt", "one two three")
    ctx.files.mkdir("sub")
    ctx.files.write_text("sub/b.txt", "four five")
    ctx.files.write_text("ignored.md", "not counted at all")
    assert main.count_folder(ctx.files.readonly()) == {"a.txt": 3, "sub/b.txt": 2}
