from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.projections import replay, replay_event_count


class Command(BaseCommand):
    help = (
        "Rebuild every projection (read model) from the event store. Side effects (tasks, lookups) are "
        "never triggered. --verify rebuilds in memory, prints each difference with the live rows and "
        "exits with status 1 when there is any."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="rebuild and report differences, write nothing")
        parser.add_argument("--verify", action="store_true", help="compare a full rebuild with the live projections")
        parser.add_argument("--stream", help="only this stream, as TYPE:ID (e.g. cedula:42)")
        parser.add_argument("--since", type=int, default=0, help="apply only events after this global position")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    def handle(
        self,
        *args: Any,
        dry_run: bool,
        verify: bool,
        stream: str | None,
        since: int,
        no_progress: bool,
        **options: Any,
    ) -> None:
        if stream and ":" not in stream:
            raise CommandError("--stream takes TYPE:ID, e.g. cedula:42")
        if since < 0:
            raise CommandError("--since must be 0 or a positive global position")
        if verify and since:
            raise CommandError("--verify always rebuilds from the first event; drop --since")
        # The total counts event applications (an event read by two projections counts twice), so the
        # bar ends at exactly 100%.
        total = replay_event_count(stream=stream, since=since)
        progress = None if no_progress else self._progress_bar(total)
        report = replay(dry_run=dry_run, verify=verify, stream=stream, since=since, progress=progress)
        if progress is not None and total:
            self.stderr.write("")
        mode = "verify" if verify else ("dry-run" if dry_run else "replay")
        rows = ", ".join(f"{name}={count}" for name, count in report.rows.items())
        self.stdout.write(f"{mode}: {report.events} events applied; rows: {rows or 'no projections'}")
        for difference in report.differences:
            self.stdout.write(f"DIFF {difference.describe()}")
        if verify:
            if report.differences:
                raise CommandError(f"{len(report.differences)} difference(s) between events and projections")
            self.stdout.write("verify: projections match the events")

    def _progress_bar(self, total: int) -> Callable[[int], None]:
        width = 30
        state = {"done": 0}
        step = max(1, total // 100)

        def progress(_count: int) -> None:
            state["done"] += 1
            done = state["done"]
            if total and (done == total or done % step == 0):
                filled = min(width, width * done // total)
                self.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
                self.stderr.flush()

        return progress
