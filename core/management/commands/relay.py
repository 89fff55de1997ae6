import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from core.relay import NOTIFY_CHANNEL, Relay, outbox_status, relay_drain_once


class Command(BaseCommand):
    help = (
        "Run the outbox relay in the foreground (sweep, dispatch, wait; on PostgreSQL woken at once by the "
        "writers' NOTIFY), or drain what is due once (--once), or print the outbox's state and lag (--status)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="dispatch what is due now, print the count, exit")
        parser.add_argument("--status", action="store_true", help="print counts per status and the lag, as JSON")
        parser.add_argument("--interval", type=float, default=settings.RELAY_INTERVAL_SECONDS)
        parser.add_argument("--batch-size", type=int, default=settings.RELAY_BATCH_SIZE)

    def handle(self, *args: Any, once: bool, status: bool, interval: float, batch_size: int, **options: Any) -> None:
        if status:
            self.stdout.write(json.dumps(outbox_status(), sort_keys=True))
            return
        if once:
            count = relay_drain_once(batch_size=batch_size)
            self.stdout.write(f"dispatched {count}")
            self.stdout.write(f"outbox_lag_seconds {outbox_status()['lag_seconds']}")
            return
        relay = Relay(interval=interval, batch_size=batch_size)
        relay.install_signal_handlers()
        woken = f"woken by NOTIFY on {NOTIFY_CHANNEL}, " if relay.listens else ""
        self.stdout.write(f"relay running ({woken}sweep every {interval}s); Ctrl-C to stop")
        self.stdout.flush()
        total = relay.run()
        self.stdout.write(f"relay stopped after dispatching {total}")
