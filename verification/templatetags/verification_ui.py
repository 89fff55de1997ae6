"""`{% verification_panel %}`: the person's live verification panel, for the home page.

The accounts app owns the home page and must not import verification; the panel is contributed
through the template layer. It renders the same template (and partials) the htmx views re-fetch.
"""

from django import template
from django.utils import timezone

from verification.selectors import cedula_info_get_for_user, cedula_info_timeline, cedula_queue_position_for
from verification.web import presentation as ui

register = template.Library()


@register.inclusion_tag("verification/panel.html", takes_context=True)
def verification_panel(context) -> dict:
    user = context["request"].user
    info = cedula_info_get_for_user(user=user)
    badge = ui.badge_for(info, now=timezone.now(), queue=cedula_queue_position_for(info))
    logs = cedula_info_timeline(cedula_info=info) if info else []
    return {
        "info": info,
        "csrf_token": context.get("csrf_token"),
        **ui.badge_context(badge),
        **ui.timeline_context(badge, logs),
    }
