"""The page serves the htmx of HTMX_MAJOR and spells what differs for that version only."""

import re

import pytest
from django.urls import reverse

from tests.verification.helpers import register

pytestmark = pytest.mark.django_db

HTMX_2_ONLY = ("hx-disabled-elt", "every 1s [")
HTMX_4_ONLY = ("hx-disable=", "every[")


@pytest.fixture
def home(client, settings):
    settings.VERIFICATION_POLL_PENDING_STEPS = ((3600, 1),)

    def load(major: int) -> str:
        settings.HTMX_MAJOR = major
        person = register("1098765430")
        client.force_login(person)
        return client.get(reverse("accounts:home")).content.decode()

    return load


def test_htmx_2_is_served_by_default_with_its_own_spelling(home):
    body = home(2)
    assert re.search(r'<script src="/static/django_htmx/htmx-2\.min\.js" defer', body)
    assert "htmx-4" not in body
    assert 'hx-disabled-elt="find button"' in body
    assert "every 1s [document.visibilityState === &#x27;visible&#x27;]" in body
    assert not any(spelling in body for spelling in HTMX_4_ONLY)
    assert 'content="{&quot;includeIndicatorStyles&quot;: false}"' in body


def test_htmx_4_gets_its_own_script_and_spelling(home):
    body = home(4)
    assert re.search(r'<script src="/static/django_htmx/htmx-4\.min\.js" defer', body)
    assert "htmx-2" not in body
    assert 'hx-disable="find button"' in body
    assert "every[document.visibilityState === &#x27;visible&#x27;] 1s" in body
    assert not any(spelling in body for spelling in HTMX_2_ONLY)
    # Both spell the event filter the same way; htmx 4's own config names (CSP: no injected styles,
    # no attribute copying on settle).
    assert "visibilitychange[document.visibilityState === &#x27;visible&#x27;] from:document" in body
    assert 'content="{&quot;includeIndicatorCSS&quot;: false, &quot;defaultSettleDelay&quot;: 0}"' in body
