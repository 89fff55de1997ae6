"""The Registraduría census lookup: the Playwright scraper, its politeness gate and the simulator.

`lookup` is the default VERIFICATION_LOOKUP_BACKEND; `breaker_states` feeds the support console,
/salud/ and the metrics. Both import their modules on first use, so importing this package (as the
console does) does not load Playwright.
"""


def lookup(cedula: str, *, deadline_s: float | None = None):
    from verification.registraduria.scraper import lookup as scraper_lookup

    return scraper_lookup(cedula, deadline_s=deadline_s)


def breaker_states() -> dict[str, dict]:
    from verification.registraduria.politeness import breaker_states as gate_states

    return gate_states()
