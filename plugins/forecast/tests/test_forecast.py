# ctx.net here reaches only the loopback server of tests/http/, at test_origin.
import objcap

import main


def test_fetches_and_stores_todays_forecast():
    forecast = main.fetch(ctx.net, ctx.storage, "Paris", origin=test_origin)
    assert forecast == {"city": "Paris", "date": "2026-11-27", "high": 9.5, "low": 3.1,
                        "summary": "light rain", "stale": False}
    assert ctx.storage.get("forecast/paris")["summary"] == "light rain"
    assert main.describe(forecast) == "Paris 2026-11-27: light rain, 3–10 °C"


def test_unknown_city_is_a_clear_error():
    try:
        main.fetch(ctx.net, ctx.storage, "Atlantis", origin=test_origin)
    except main.ForecastError as error:
        assert "no forecast for 'Atlantis'" in str(error)
    else:
        raise AssertionError("a 404 was taken for a forecast")


def test_malformed_answer_is_refused():
    try:
        main.fetch(ctx.net, ctx.storage, "Broken", origin=test_origin)
    except main.ForecastError as error:
        assert "unexpected answer" in str(error)
    else:
        raise AssertionError("a malformed answer was accepted")


class Unreachable:
    """A stand-in for ctx.net while the service is down."""

    def get(self, url, **options):
        raise OSError("connection refused")


def test_unreachable_service_falls_back_to_the_stored_forecast():
    try:
        main.fetch(Unreachable(), ctx.storage, "Lyon", origin=test_origin)
    except main.ForecastError as error:
        assert "unreachable" in str(error)  # nothing stored yet
    else:
        raise AssertionError("a forecast appeared from nowhere")
    main.fetch(ctx.net, ctx.storage, "Paris", origin=test_origin)
    stale = main.fetch(Unreachable(), ctx.storage, "Paris", origin=test_origin)
    assert stale["stale"] and stale["summary"] == "light rain"
    assert "(last known)" in main.describe(stale)


def test_a_refused_origin_is_not_taken_for_an_outage():
    main.fetch(ctx.net, ctx.storage, "Paris", origin=test_origin)
    try:
        main.fetch(ctx.net, ctx.storage, "Paris", origin="http://127.0.0.1:1")
    except objcap.CapabilityError as refusal:
        assert "is not among the granted origins" in str(refusal)
    else:
        raise AssertionError("a request left the granted origin")


def test_only_the_granted_origin_is_reachable():
    for url in ("https://api.open-meteo.example/v1/forecast/paris.json", "http://127.0.0.1:9/",
                "file:///etc/passwd"):
        try:
            ctx.net.get(url)
        except (objcap.CapabilityError, ValueError):
            continue
        raise AssertionError(f"{url} was reachable")


def test_city_names_cannot_steer_the_path():
    assert main.city_slug("  New York ") == "new-york"
    assert main.city_slug("../../etc/passwd") == "etc-passwd"
