import stats


def test_counts_words_characters_and_lines():
    assert stats.count("Hello, sandboxed world!\nIt's a two-line text.") == {
        "words": 7, "characters": 45, "lines": 2}


def test_empty_text():
    assert stats.count("") == {"words": 0, "characters": 0, "lines": 0}


def test_describe_uses_singulars():
    assert stats.describe(stats.count("one"), "Selection") == "Selection: 1 word, 3 characters, 1 line"
    assert stats.describe(stats.count("a b"), "Document") == "Document: 2 words, 3 characters, 1 line"
