"""Scheduled re-validation: old results are checked again at low priority, within a daily cap; a
changed result is an audited transition and is mailed."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import UserFactory
from tests.verification.helpers import drain_outbox, register
from verification import services
from verification.models import CedulaInfo, ResultMail, TransitionLog
from verification.states import CedulaStatus as S
from verification.states import Transition

pytestmark = pytest.mark.django_db


def _sweep() -> int:
    return services.verification_sweep()["revalidated"]


def _trail(info) -> list[tuple[str, str, str]]:
    return [(t.from_state, t.to_state, t.transition) for t in info.transitions.all()]


def test_an_old_result_is_checked_again_and_a_changed_one_is_audited_and_mailed(
    smtp_server, settings, tmp_path, monkeypatch
):
    settings.VERIFICATION_REVALIDATE_AFTER_DAYS = 90
    override = tmp_path / "outcome"
    monkeypatch.setenv("FAKE_LOOKUP_OVERRIDE_FILE", str(override))
    override.write_text("active")
    user = register("1023456780")
    drain_outbox()
    smtp_server.wait_for(1)
    assert _sweep() == 0  # a fresh result is left alone
    with time_machine.travel(timezone.now() + timedelta(days=91)):
        assert _sweep() == 1
        drain_outbox()
        info = CedulaInfo.objects.get(user=user)
        assert info.status == S.ACTIVE
        assert _trail(info)[-2:] == [("active", "pending", "revalidate"), ("pending", "active", "complete_active")]
        assert len(smtp_server.messages) == 1  # the same answer: not mailed again
        override.write_text("cancelled")
        with time_machine.travel(timezone.now() + timedelta(days=91)):
            assert _sweep() == 1
            drain_outbox()
            info = CedulaInfo.objects.get(user=user)
            assert info.status == S.CANCELLED
            assert _trail(info)[-1] == ("pending", "cancelled", "complete_cancelled")
            assert TransitionLog.objects.filter(cedula_info=info, transition=Transition.REVALIDATE).count() == 2
            _, changed = smtp_server.wait_for(2)
            assert "la reporta como cancelada" in changed.get_body(preferencelist=("plain",)).get_content()
    assert [m.why for m in ResultMail.objects.order_by("created_at")] == ["", "same_result", ""]


def _old_results(count: int, *, days: int = 100) -> list[CedulaInfo]:
    at = timezone.now() - timedelta(days=days)
    # Cédulas ending in 0: the stand-in answers "active" again (a random one could fail and wait).
    return [
        CedulaInfo.objects.create(
            user=UserFactory.create(cedula=f"1024{i:05d}0"),
            status=S.ACTIVE,
            requested_at=at,
            last_checked_at=at + timedelta(seconds=i),
        )
        for i in range(count)
    ]


def test_a_new_registrations_first_lookup_never_waits_behind_200_re_checks(settings):
    settings.VERIFICATION_REVALIDATE_IN_FLIGHT = 1
    old = _old_results(200)
    assert _sweep() == 1  # one at a time: never a queue of them
    assert _sweep() == 0  # while it runs
    newcomer = register("1023456790")  # confirmed: its first lookup is asked for
    drain_outbox()  # the relay and the workers: the re-check in flight, the newcomer's lookup
    assert CedulaInfo.objects.get(user=newcomer).status == S.ACTIVE
    started = TransitionLog.objects.filter(transition=Transition.REVALIDATE)
    assert started.count() == 1  # at most the one in flight went before the newcomer
    # While a person's check is pending, no re-validation starts.
    waiting = register("1023456791", confirm=False)
    from tests.verification.helpers import confirm_email

    confirm_email(waiting)
    from core.consumers import outbox_deliver
    from core.models import OutboxMessage

    for message in OutboxMessage.objects.filter(handler="verification.open_cedula_check_on_confirmation"):
        outbox_deliver(message_id=message.pk)  # the record is open: pending, its lookup not run yet
    assert CedulaInfo.objects.get(user=waiting).status == S.PENDING
    assert _sweep() == 0
    drain_outbox()
    assert _sweep() == 1  # idle again: the next oldest
    assert started.count() == 2
    assert list(started.order_by("position").values_list("cedula_info_id", flat=True)) == [old[0].pk, old[1].pk]


def test_the_daily_cap_and_the_off_switch(settings):
    settings.VERIFICATION_REVALIDATE_IN_FLIGHT = 5
    settings.VERIFICATION_REVALIDATE_PER_DAY = 2
    _old_results(6)
    assert _sweep() == 2
    drain_outbox()
    assert _sweep() == 0  # today's two are spent
    with time_machine.travel(timezone.localtime().replace(hour=12) + timedelta(days=1)):
        assert _sweep() == 2
        drain_outbox()
        settings.VERIFICATION_REVALIDATE_AFTER_DAYS = 0
        with time_machine.travel(timezone.now() + timedelta(days=1)):
            assert _sweep() == 0


def test_the_page_says_when_it_was_last_checked(client):
    user = register("1023456780")
    drain_outbox()
    client.force_login(user)
    assert "Última verificación: " in client.get("/").content.decode()
