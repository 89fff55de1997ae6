import sys
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
        """On a terminal, a maintained bar with rate and ETA (tqdm); otherwise (logs, CI, a pipe) a
        plain line at every tenth, ending with "total/total"."""
        if self.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(total=total, file=sys.stderr, unit="ev", unit_scale=True, desc="replay", smoothing=0.1)
            state = {"done": 0}

            def tick(_count: int) -> None:
                state["done"] += 1
                bar.update(1)
                if state["done"] >= total:
                    bar.close()

            return tick
        step = max(1, total // 10)
        done = {"n": 0}

        def line(_count: int) -> None:
            done["n"] += 1
            n = done["n"]
            if total and (n == total or n % step == 0):
                self.stderr.write(f"replay: {n}/{total} events ({100 * n // total}%)")

        return line
