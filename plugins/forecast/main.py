"""Today's forecast for the user's city, through ctx.net (one origin) and ctx.storage.

The service answers GET /v1/forecast/<city>.json with
{"city": ..., "days": [{"date": "YYYY-MM-DD", "high": C, "low": C, "summary": ...}, ...]}.
The last good forecast is kept, so a network failure shows it, marked as stale.
"""
import re

import objcap

ORIGIN = "https://api.open-meteo.example"


class ForecastError(Exception):
    pass


def city_slug(city):
    slug = re.sub(r"[^a-z0-9]+", "-", city.strip().lower()).strip("-")
    if not slug:
        raise ValueError(f"not a city name: {city!r}")
    return slug


def parse(data):
    """Checks the service's answer; returns today's entry as a dict."""
    try:
        today = data["days"][0]
        return {"city": str(data["city"]), "date": str(today["date"]), "high": float(today["high"]),
                "low": float(today["low"]), "summary": str(today["summary"])}
    except (KeyError, IndexError, TypeError, ValueError) as problem:
        raise ForecastError(f"unexpected answer from the forecast service: {problem!r}") from None


def fetch(net, storage, city, origin=ORIGIN):
    """Today's forecast for city: fresh from the service, or the stored one marked stale."""
    key = f"forecast/{city_slug(city)}"
    try:
        response = net.get(f"{origin}/v1/forecast/{city_slug(city)}.json", timeout=10)
        if response.status == 404:
            raise ForecastError(f"no forecast for {city!r}")
        if response.status != 200:
            raise ForecastError(f"the forecast service answered {response.status}")
        forecast = parse(response.json())
    except objcap.CapabilityError:
        raise  # a refusal is not an outage
    except OSError as failure:  # unreachable, timed out: fall back to what we had
        forecast = storage.get(key)
        if forecast is None:
            raise ForecastError(f"the forecast service is unreachable ({failure})") from None
        return dict(forecast, stale=True)
    storage.set(key, forecast)
    return dict(forecast, stale=False)


def describe(forecast):
    stale = " (last known)" if forecast["stale"] else ""
    return (f"{forecast['city']} {forecast['date']}{stale}: {forecast['summary']}, "
            f"{forecast['low']:.0f}–{forecast['high']:.0f} °C")


def activate(ctx):
    city = ctx.storage.get("city", "Paris")
    try:
        ctx.log.info(describe(fetch(ctx.net, ctx.storage, city)))
    except (ForecastError, objcap.CapabilityError) as problem:
        ctx.log.warning(str(problem))
