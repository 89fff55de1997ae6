from django.core.management.base import BaseCommand
from django.db.models import F

from tests.kernel_app.models import TickTotal


class Command(BaseCommand):
    help = "Deliberately corrupt one projection row (replay --verify must report it)."

    def add_arguments(self, parser):
        parser.add_argument("stream_id")

    def handle(self, *args, stream_id, **options):
        changed = TickTotal.objects.filter(stream_id=stream_id).update(ticks=F("ticks") + 1)
        self.stdout.write(f"corrupted {changed}")
