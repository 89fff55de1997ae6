"""The htmx of `settings.HTMX_MAJOR` (2 or 4), and the attribute names that differ between them.

Templates spell only what both versions read the same way; where a name differs they use these tags,
never both names (htmx 2 reads `hx-disable` as "ignore this element", htmx 4 as `hx-disabled-elt`).
"""

import json

from django import template
from django.conf import settings
from django.template.context import Context
from django.utils.safestring import SafeString
from django_htmx.jinja import htmx_script

register = template.Library()


@register.simple_tag(takes_context=True)
def htmx_scripts(context: Context) -> SafeString:
    """The bundled htmx of the configured major version, from our static files."""
    major: int = settings.HTMX_MAJOR
    return htmx_script(version=major, nonce=context.get("csp_nonce"))


@register.simple_tag
def hx_disabled_elt() -> str:
    """The attribute that disables elements while a request runs: `hx-disabled-elt` (2), `hx-disable` (4)."""
    return "hx-disable" if settings.HTMX_MAJOR == 4 else "hx-disabled-elt"


@register.simple_tag
def htmx_config() -> str:
    """The htmx-config meta's JSON for the configured version (escaped by the template).

    Both: no injected indicator styles (CSP allows styles from our own files only). htmx 4 also gets
    no settle delay: with one it copies each replaced element's attributes onto the new one with the
    same id, `style` included, and Chromium gives form fields an empty `style` attribute, so every
    console refresh broke the style-src CSP (measured in the live-UI test)."""
    config: dict[str, object]
    if settings.HTMX_MAJOR == 4:
        config = {"includeIndicatorCSS": False, "defaultSettleDelay": 0}
    else:
        config = {"includeIndicatorStyles": False}
    return json.dumps(config)
