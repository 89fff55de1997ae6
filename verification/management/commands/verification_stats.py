import json

from django.conf import settings
from django.core.management.base import BaseCommand

from verification.ops.operations import verification_stats


class Command(BaseCommand):
    help = "Counts per state, relay lag, retry backlog, queue depth and circuit breaker state."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, json: bool, **options):
        stats = verification_stats()
        if json:
            self.stdout.write(_json_dumps(stats.as_dict()))
            return
        self.stdout.write("Verifications by state:")
        for state, count in stats.states.items():
            self.stdout.write(f"  {state:<10} {count}")
        self.stdout.write(f"Relay lag:            {stats.relay_lag_seconds:.1f} s")
        self.stdout.write(f"Retry backlog:        {stats.retry_backlog} ({stats.retry_due} due now)")
        self.stdout.write(f"Oldest pending check: {stats.oldest_pending_seconds:.1f} s")
        self.stdout.write(f"Queue depth:          {'?' if stats.queue_depth is None else stats.queue_depth}")
        stall = "?" if stats.queue_stall_seconds is None else f"{stats.queue_stall_seconds:.0f} s"
        verdict = "  STALLED: a cluster reports itself alive and takes no task; restart it" if stats.stalled else ""
        self.stdout.write(f"Queue head unmoved:   {stall}{verdict}")
        if stats.breaker:
            for site, breaker in stats.breaker.items():
                self.stdout.write(f"Breaker {site}: {breaker.get('state', '?')} {breaker.get('reason') or ''}".rstrip())
        else:
            self.stdout.write("Breaker: no state reported")
        self.stdout.write(f"Clusters alive:       {len(stats.clusters)}")
        spend = stats.captcha
        budget = f" of a budget of {spend['budget']}" + (" (spent: new solves paused)" if spend["paused"] else "")
        per_lookup = spend["per_completed_lookup"]
        self.stdout.write(
            f"Captcha solves today: {spend['requested']} requested, {spend['used']} used, {spend['wasted']} wasted, "
            f"{spend['failed']} failed; {spend['paid']} paid{budget if spend['budget'] else ''}"
        )
        self.stdout.write(
            f"Solves per lookup:    {'-' if per_lookup is None else per_lookup}; estimated cost "
            f"{spend['estimated_cost']} {settings.CAPTCHA_PRICE_CURRENCY}"
        )


def _json_dumps(value) -> str:
    return json.dumps(value, default=str, sort_keys=True)
