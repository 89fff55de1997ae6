"""Two workers finishing the same lookup at once produce one transition, not two.

Real concurrent database connections (one per thread); CI runs this on SQLite and on PostgreSQL.
"""

import threading

import pytest
from django.db import connections

from core.consumers import outbox_deliver
from core.models import OutboxMessage
from tests.fakes import FakeResult
from tests.verification.helpers import register
from verification.models import CedulaInfo, TransitionLog
from verification.services import cedula_verification_record_result
from verification.states import CedulaStatus as S

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("workers", [2, 6])
def test_concurrent_results_for_one_request_make_one_transition(workers):
    user = register("1023456780")
    outbox_deliver(message_id=OutboxMessage.objects.get(handler="verification.open_cedula_check_on_confirmation").pk)
    info = CedulaInfo.objects.get(user=user)
    barrier = threading.Barrier(workers)
    outcomes, errors = [], []
    # Different workers may even have seen different answers; only the first recorded one counts.
    results = [FakeResult("active", {"mesa": str(n)}) if n % 2 else FakeResult("not_found") for n in range(workers)]

    def finish(result):
        try:
            barrier.wait()
            outcomes.append(
                cedula_verification_record_result(
                    cedula_info_id=info.pk, request_id=str(info.request_id), result=result
                )
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=finish, args=(r,)) for r in results]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert sorted(outcomes) == [False] * (workers - 1) + [True]
    info = CedulaInfo.objects.get(pk=info.pk)
    assert info.status in (S.ACTIVE, S.NOT_FOUND)
    assert TransitionLog.objects.filter(cedula_info=info).count() == 2
    assert info.version == 2
