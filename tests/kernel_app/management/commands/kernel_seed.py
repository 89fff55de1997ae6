from django.core.management.base import BaseCommand
from django.db import transaction

from core import event_store
from core.event_store import Metadata
from tests.kernel_app.events import Ticked


class Command(BaseCommand):
    help = "Append Ticked events, interleaved across streams, one transaction per event."

    def add_arguments(self, parser):
        parser.add_argument("--streams", type=int, required=True)
        parser.add_argument("--per-stream", type=int, required=True)
        parser.add_argument("--hold", action="append", default=[], help="STREAM_ID:VERSION whose handler blocks")

    def handle(self, *args, streams, per_stream, hold, **options):
        held = {tuple(h.split(":")) for h in hold}
        seq = 0
        for version in range(1, per_stream + 1):
            for stream in range(1, streams + 1):
                seq += 1
                with transaction.atomic():
                    event_store.append(
                        stream_id=f"s{stream}",
                        events=[Ticked(seq=seq, hold=(f"s{stream}", str(version)) in held)],
                        metadata=Metadata.new("system"),
                        expected_version=version - 1,
                    )
        self.stdout.write(f"seeded {seq}")
