import json

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.base import BaseCommand
from django_q.models import OrmQ, Task
from django_q.signing import SignedPackage

from core.models import OutboxMessage, StoredEvent
from core.relay import outbox_status
from tests.kernel_app.models import Effect, TickTotal


class Command(BaseCommand):
    help = "Print the state the kernel tests assert on, as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--dump", action="store_true", help="include serialised rows (personal-data checks)")

    def handle(self, *args, dump, **options):
        report = {
            "events": [[str(e.event_id), e.stream, e.version, e.event_type] for e in StoredEvent.objects.all()],
            "effects": [
                [e.handler, e.stream, e.version, str(e.event_id), e.pid] for e in Effect.objects.order_by("id")
            ],
            "outbox": [
                [m.id, m.handler, m.stream, m.status, m.dispatch_count, m.failure_count]
                for m in OutboxMessage.objects.order_by("id")
            ],
            "status": outbox_status(),
            "ormq": OrmQ.objects.count(),
            "tasks": Task.objects.count(),
            "users": get_user_model().objects.count(),
            "tick_totals": {t.stream_id: [t.ticks, t.last_version] for t in TickTotal.objects.all()},
        }
        if dump:
            report["dump"] = "\n".join(
                [
                    serializers.serialize("json", StoredEvent.objects.all()),
                    serializers.serialize("json", OutboxMessage.objects.all()),
                    json.dumps([SignedPackage.loads(q.payload) for q in OrmQ.objects.all()], default=str),
                    json.dumps([[t.name, t.func, t.args, t.kwargs, t.result] for t in Task.objects.all()], default=str),
                ]
            )
        self.stdout.write(json.dumps(report))
