import objcap

import main


def fresh():
    """Tests in this file share one scratch folder: each starts with no exports."""
    for name in main.exports(ctx.files):
        ctx.files.remove(f"{main.FOLDER}/{name}")
    return ctx.files


def test_csv_and_json():
    files = fresh()
    rows = [{"name": "Ada", "year": 1815}, {"name": "Grace", "year": 1906}]
    csv_path = main.export(files, "people", rows)
    json_path = main.export(files, "people", rows, fmt="json")
    assert csv_path == "exports/0001-people.csv"
    assert json_path == "exports/0002-people.json"
    assert ctx.files.read_text(csv_path) == "name,year\nAda,1815\nGrace,1906\n"
    assert main.json.loads(ctx.files.read_text(json_path)) == rows


def test_unknown_format_writes_nothing():
    files = fresh()
    try:
        main.export(files, "people", [], fmt="xlsx")
    except ValueError as error:
        assert "xlsx" in str(error)
    else:
        raise AssertionError("an unknown format was accepted")
    assert main.exports(files) == []


def test_names_cannot_leave_the_exports_folder():
    files = fresh()
    for name in ("../escape", "", ".hidden"):
        try:
            main.export(files, name, [])
        except ValueError:
            continue
        raise AssertionError(f"export name {name!r} was accepted")


def test_quota_makes_room_by_removing_the_oldest_exports():
    files = fresh()
    row = [{"blob": "x" * 60_000}]
    for i in range(6):  # 6 x ~60 KB does not fit in the 256 KiB quota
        main.export(files, f"big{i}", row)
    kept = main.exports(files)
    assert kept[-1] == "0006-big5.csv"
    assert "0001-big0.csv" not in kept
    assert 3 <= len(kept) <= 4


def test_an_export_larger_than_the_quota_is_refused_and_leaves_nothing():
    files = fresh()
    main.export(files, "small", [{"a": 1}])
    try:
        main.export(files, "huge", [{"blob": "x" * 300_000}])
    except objcap.CapabilityError as refusal:
        assert "quota exceeded" in str(refusal)
    else:
        raise AssertionError("an export beyond the quota was written")
    assert main.exports(files) == ["0001-small.csv"]  # nothing removed, nothing half-written


def test_the_grant_is_enforced_not_just_declared():
    files = fresh()
    try:
        files.read_text("../../etc/passwd")
    except objcap.CapabilityError:
        return
    raise AssertionError("read outside the granted folder")
