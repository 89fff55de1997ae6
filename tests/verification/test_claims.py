"""A claim per lookup request: a request reaches the site at most once at a time, whatever the
redeliveries; the claim's lease starts when the lookup starts; a copy that finds a live claim does
nothing; a claim left by a dead worker is taken over once its lease ends."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from core.consumers import outbox_deliver
from core.models import OutboxMessage
from core.relay import outbox_claim_batch
from tests.fakes import FakeResult
from tests.verification.helpers import register
from verification import services
from verification.lookup import current_request_id
from verification.models import CedulaInfo, LookupClaim
from verification.selectors import cedula_info_request_in_flight
from verification.states import CedulaStatus as S

pytestmark = pytest.mark.django_db

CALLS: list[dict] = []


def copy_during_lookup(cedula: str, *, deadline_s: float):
    """A lookup during which a second copy of the same delivery arrives (a redelivery under a backlog)."""
    info = CedulaInfo.objects.get(user__cedula=cedula)
    claim = LookupClaim.objects.get(request_id=info.request_id)
    CALLS.append({"request_id": current_request_id(), "claim_lease": claim.lease_until})
    if len(CALLS) == 1:
        try:
            services.cedula_verification_run(
                cedula_info_id=info.pk, request_id=str(info.request_id), cause=_cause(info)
            )
        except services.LookupBusy as busy:
            CALLS.append({"copy_busy_until": busy.until})
    return FakeResult("active", {"mesa": "7"})


def failing_lookup(cedula: str, *, deadline_s: float):
    CALLS.append({"request_id": current_request_id()})
    raise RuntimeError("a bug in the adapter")


def _cause(info):
    from core.event_store import load_stream

    return load_stream("cedula", info.pk)[-1]


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()
    yield
    CALLS.clear()


def _pending(cedula: str) -> CedulaInfo:
    user = register(cedula)
    # Deliver only the record-opening handler: the lookup is run by each test itself.
    for message_id in outbox_claim_batch(limit=100):
        if OutboxMessage.objects.get(pk=message_id).handler == "verification.open_cedula_check_on_confirmation":
            outbox_deliver(message_id=message_id)
    return CedulaInfo.objects.get(user=user)


def test_a_copy_that_arrives_while_the_lookup_runs_does_nothing(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.verification.test_claims.copy_during_lookup"
    info = _pending("1033000010")
    started = timezone.now()
    assert services.cedula_verification_run(cedula_info_id=info.pk, request_id=str(info.request_id), cause=_cause(info))
    lookups = [c for c in CALLS if "request_id" in c]
    assert len(lookups) == 1, "the copy reached the site"
    assert {"copy_busy_until": lookups[0]["claim_lease"]} in CALLS
    assert lookups[0]["request_id"] == str(info.request_id)  # the lookup knows its request
    # The lease runs from the lookup's start, for its deadline and a margin (not from dispatch).
    lease = lookups[0]["claim_lease"] - started
    assert lease >= timedelta(seconds=settings.VERIFICATION_LOOKUP_DEADLINE_SECONDS)
    info.refresh_from_db()
    assert (info.status, info.mesa) == (S.ACTIVE, "7")
    assert not LookupClaim.objects.exists()  # recording the result removed the claim


def test_a_claim_left_by_a_dead_worker_is_taken_over_after_its_lease(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    info = _pending("1033000020")
    now = timezone.now()
    LookupClaim.objects.create(
        request_id=info.request_id,
        cedula_info=info,
        holder="dead:1:x",
        claimed_at=now,
        lease_until=now + timedelta(seconds=90),
    )
    # While the dead worker's lease runs, a copy does nothing and the request counts as in flight.
    with pytest.raises(services.LookupBusy):
        services.cedula_verification_run(cedula_info_id=info.pk, request_id=str(info.request_id), cause=_cause(info))
    info.refresh_from_db()
    assert info.status == S.PENDING
    assert cedula_info_request_in_flight(info=info)
    with time_machine.travel(now + timedelta(seconds=91), tick=False):
        assert services.lookup_claim_take(cedula_info_id=info.pk, request_id=str(info.request_id)) is not None
        assert LookupClaim.objects.get(request_id=info.request_id).takeovers == 1
    LookupClaim.objects.all().delete()
    assert services.cedula_verification_run(cedula_info_id=info.pk, request_id=str(info.request_id), cause=_cause(info))
    info.refresh_from_db()
    assert info.status == S.ACTIVE


def test_a_stale_request_takes_no_claim(settings):
    info = _pending("1033000030")
    assert services.lookup_claim_take(cedula_info_id=info.pk, request_id="00000000-0000-0000-0000-000000000000") is None
    assert not LookupClaim.objects.exists()


def test_a_lookup_that_raises_frees_its_claim_for_the_redelivery(settings):
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.verification.test_claims.failing_lookup"
    info = _pending("1033000040")
    with pytest.raises(RuntimeError):
        services.cedula_verification_run(cedula_info_id=info.pk, request_id=str(info.request_id), cause=_cause(info))
    assert not LookupClaim.objects.exists()
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    assert services.cedula_verification_run(cedula_info_id=info.pk, request_id=str(info.request_id), cause=_cause(info))


def test_a_redelivered_copy_leaves_the_message_open_until_the_claims_lease_ends(settings):
    """Through the outbox: the copy is acknowledged without effect or failure, and the message is
    delivered again when the claim's lease ends, so a holder that died mid-lookup loses nothing."""
    settings.VERIFICATION_LOOKUP_BACKEND = "tests.fakes.lookup"
    info = _pending("1033000050")
    now = timezone.now()
    lease_until = now + timedelta(seconds=90)
    LookupClaim.objects.create(
        request_id=info.request_id, cedula_info=info, holder="other:1:x", claimed_at=now, lease_until=lease_until
    )
    message = OutboxMessage.objects.get(handler="verification.run_lookup")
    assert outbox_deliver(message_id=message.pk) == "deferred"
    message.refresh_from_db()
    assert (message.status, message.available_at, message.failure_count) == ("pending", lease_until, 0)
    assert outbox_claim_batch(limit=10) == []  # not before the lease ends
    with time_machine.travel(lease_until + timedelta(seconds=1), tick=False):
        assert outbox_claim_batch(limit=10) == [message.pk]
        assert outbox_deliver(message_id=message.pk) == "done"
    info.refresh_from_db()
    assert info.status == S.ACTIVE
