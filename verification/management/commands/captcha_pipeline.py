import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from verification.registraduria.pipeline import CaptchaPipeline
from verification.registraduria.tokens import captcha_spend


class Command(BaseCommand):
    help = (
        "Run the captcha pipeline in the foreground: it solves reCAPTCHA tokens ahead of the lookups that "
        "wait for them (one leader; more processes stand by). --status prints today's spend as JSON."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--status", action="store_true", help="print today's solves and estimated cost, as JSON")

    def handle(self, *args: Any, status: bool, **options: Any) -> None:
        if status:
            self.stdout.write(json.dumps(captcha_spend(), sort_keys=True, default=str))
            return
        pipeline = CaptchaPipeline()
        pipeline.install_signal_handlers()
        self.stdout.write(f"captcha pipeline running as {pipeline.holder}; Ctrl-C to stop")
        self.stdout.flush()
        started = pipeline.run()
        self.stdout.write(f"captcha pipeline stopped after starting {started} solves")
