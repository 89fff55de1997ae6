import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from verification.lookup import FIELD_NAMES
from verification.registraduria.parser import classify
from verification.registraduria.saved_answers import SavedAnswer, load_manifest, mismatches


class Command(BaseCommand):
    help = (
        "Clasifica páginas o respuestas JSON guardadas de la Registraduría (como las clasificaría el "
        "verificador) e imprime un objeto JSON por archivo y por línea: file, outcome, fields, reason. "
        "Con --expect MANIFIESTO compara cada respuesta del manifiesto con lo esperado: una línea por "
        "diferencia y al final «N/M right»."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", metavar="ARCHIVO", help="página HTML o respuesta JSON guardada")
        parser.add_argument(
            "--expect",
            metavar="MANIFIESTO",
            help="manifest.json con las respuestas esperadas (file, http_status, outcome, reason, fields)",
        )
        parser.add_argument("--front", default="", help="el frente que dio las respuestas (wsp, consultacenso, …)")

    def handle(self, *args, files: list[str], expect: str | None, front: str, **options):
        if expect:
            if files:
                raise CommandError("Use --expect o una lista de archivos, no ambos.")
            return self._expect(Path(expect))
        if not files:
            raise CommandError("Indique al menos un archivo, o --expect MANIFIESTO.")
        unreadable = 0
        for name in files:
            try:
                body = Path(name).read_bytes()
            except OSError as exc:
                unreadable += 1
                self.stderr.write(f"No se pudo leer {name}: {exc.strerror or exc}")
                self.stdout.write(_line(name, "error", dict.fromkeys(FIELD_NAMES), "unreadable_file"))
                continue
            result = classify(body, front=front)
            fields = {field: result.fields.get(field) for field in FIELD_NAMES}
            self.stdout.write(_line(name, result.outcome, fields, result.reason))
        if unreadable:
            raise CommandError(f"No se pudieron leer {unreadable} de {len(files)} archivos.")
        return None

    def _expect(self, manifest: Path) -> None:
        try:
            answers = load_manifest(manifest)
        except (OSError, ValueError) as exc:
            raise CommandError(f"No se pudo leer el manifiesto {manifest}: {exc}") from exc
        right = 0
        for answer in answers:
            wrong = _check(answer)
            for line in wrong:
                self.stdout.write(f"{answer.file}: {line}")
            right += not wrong
        self.stdout.write(f"{right}/{len(answers)} right")
        if right != len(answers):
            raise CommandError(
                f"{len(answers) - right} de {len(answers)} respuestas no se clasificaron como se esperaba."
            )


def _check(answer: SavedAnswer) -> list[str]:
    try:
        body = answer.path.read_bytes()
    except OSError as exc:
        return [f"no se pudo leer ({exc.strerror or exc})"]
    return mismatches(answer, classify(body, http_status=answer.http_status, front=answer.front))


def _line(name: str, outcome: str, fields: dict, reason: str) -> str:
    return json.dumps({"file": name, "outcome": outcome, "fields": fields, "reason": reason}, ensure_ascii=False)
