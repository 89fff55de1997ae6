import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from verification.registraduria.parser import classify
from verification.registraduria.results import FIELD_NAMES


class Command(BaseCommand):
    help = (
        "Clasifica páginas o respuestas JSON guardadas de la Registraduría (como las clasificaría el "
        "verificador) e imprime un objeto JSON por archivo y por línea: file, outcome, fields, reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="ARCHIVO", help="página HTML o respuesta JSON guardada")

    def handle(self, *args, files: list[str], **options):
        unreadable = 0
        for name in files:
            try:
                body = Path(name).read_bytes()
            except OSError as exc:
                unreadable += 1
                self.stderr.write(f"No se pudo leer {name}: {exc.strerror or exc}")
                self.stdout.write(_line(name, "error", dict.fromkeys(FIELD_NAMES), "unreadable_file"))
                continue
            result = classify(body)
            fields = {field: result.fields.get(field) for field in FIELD_NAMES}
            self.stdout.write(_line(name, result.outcome, fields, result.reason))
        if unreadable:
            raise CommandError(f"No se pudieron leer {unreadable} de {len(files)} archivos.")


def _line(name: str, outcome: str, fields: dict, reason: str) -> str:
    return json.dumps({"file": name, "outcome": outcome, "fields": fields, "reason": reason}, ensure_ascii=False)
