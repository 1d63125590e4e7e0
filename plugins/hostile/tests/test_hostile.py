import main


def test_every_escape_is_refused():
    main._ctx = ctx
    outcomes = main.attempt_all()
    escaped = [name for name, outcome in outcomes.items() if outcome is None]
    assert not escaped, f"escaped: {escaped}"
    assert len(outcomes) == 12
