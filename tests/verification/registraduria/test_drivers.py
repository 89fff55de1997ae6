"""REGISTRADURIA_DRIVER: the scraper's browser under each driver, and patchright's patch checked live.

patchright releases have shipped their driver unpatched, silently: the browser host checks every
browser it launches with patchright and refuses one whose pages can see the DevTools protocol.
"""

import pytest

from verification.registraduria import drivers, lookup

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize(("driver", "visible"), [("patchright", False), ("playwright", True)])
def test_only_patchright_hides_the_protocol_from_the_page(scraper_browser, settings, driver, visible):
    """The probe can tell: Playwright's Runtime.enable is seen by the page's own script, patchright's
    absence of it is not."""
    from verification.registraduria.browser import new_page

    settings.REGISTRADURIA_DRIVER = driver
    assert scraper_browser.run(lambda context: drivers.protocol_visible(new_page(context)), timeout=60) is visible


def test_an_unpatched_patchright_is_refused_before_the_site_is_asked(simulator, scraper_browser, settings, monkeypatch):
    """A patchright whose driver shipped unpatched (simulated: the probe sees the protocol) gets no
    lookup: every front ends `driver_not_hidden` and the site saw nothing."""
    settings.REGISTRADURIA_DRIVER = "patchright"
    settings.REGISTRADURIA_FRONTS = ["wsp", "consultacenso"]
    scraper_browser.shutdown()  # the next lookup launches a browser: the check runs
    monkeypatch.setattr(drivers, "protocol_visible", lambda page: True)
    result = lookup("1000000010", deadline_s=30)
    assert (result.outcome, result.reason) == ("error", "driver_not_hidden"), result.evidence
    state = simulator.state()
    assert not any(state["pages"].values())
    assert not any(state["lookups"].values())
    monkeypatch.undo()
    assert lookup("1000000010", deadline_s=30).outcome == "active"  # the next launch is checked again


@pytest.mark.parametrize("driver", sorted(drivers.DRIVERS))
def test_every_front_answers_through_each_driver(simulator, settings, driver):
    settings.REGISTRADURIA_DRIVER = driver
    for front in ("wsp", "consultacenso", "infovotantes"):
        settings.REGISTRADURIA_FRONTS = [front]
        result = lookup("1000000010", deadline_s=30)
        assert (result.outcome, result.reason, result.site) == ("active", "ok", front), result.evidence
