import json
import time

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
        parser.add_argument("--prefix", default="s", help="stream ids are PREFIX1, PREFIX2…")
        parser.add_argument("--pause", type=float, default=0.0, help="seconds between appends (benchmark)")
        parser.add_argument("--commit-times", action="store_true", help="print {event_id: commit time} as JSON")

    def handle(self, *args, streams, per_stream, hold, prefix, pause, commit_times, **options):
        commits = {}
        held = {tuple(h.split(":")) for h in hold}
        seq = 0
        for version in range(1, per_stream + 1):
            for stream in range(1, streams + 1):
                seq += 1
                stamp: list[float] = []

                def stamp_commit(stamp: list[float] = stamp) -> None:
                    stamp.append(time.time())

                with transaction.atomic():
                    # Registered before append()'s wake-up, so it runs first, right after the commit.
                    transaction.on_commit(stamp_commit)
                    rows = event_store.append(
                        stream_id=f"{prefix}{stream}",
                        events=[Ticked(seq=seq, hold=(f"{prefix}{stream}", str(version)) in held)],
                        metadata=Metadata.new("system"),
                        expected_version=version - 1,
                    )
                commits[str(rows[0].event_id)] = stamp[0]
                if pause:
                    time.sleep(pause)
        if commit_times:
            self.stdout.write(json.dumps(commits))
        else:
            self.stdout.write(f"seeded {seq}")
