"""The erased state: a person's erasure moves their record to `erased` (an audited transition).

Records erased before this state existed (no person, still in a live state) are moved there now,
through the service, so each gets its event and audit row like any later erasure; replay applies
the old erasure events (version 1, no change of state) and then these.
"""

import django_fsm
from django.db import migrations


def erase_unlinked(apps, schema_editor):
    CedulaInfo = apps.get_model("verification", "CedulaInfo")
    if not CedulaInfo.objects.filter(user__isnull=True).exclude(status="erased").exists():
        return  # a new installation, or nobody erased yet: nothing else is touched
    # The live service, not historical models: the move must append its events and audit rows
    # exactly as the product does (the event store has no historical version). Should a later
    # migration ever change these tables, it must come after this one has run everywhere.
    from verification.services import cedula_info_erase_unlinked

    cedula_info_erase_unlinked(actor="system:migration")


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0008_console_indexes"),
        ("core", "0004_subject_key"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="cedulainfo",
            name="status",
            field=django_fsm.FSMField(
                choices=[
                    ("pending", "Verificando"),
                    ("active", "Habilitada para votar"),
                    ("cancelled", "Cédula cancelada"),
                    ("not_found", "No está en el censo"),
                    ("error", "Error al verificar"),
                    ("blocked", "Consulta bloqueada"),
                    ("erased", "Datos eliminados"),
                ],
                default="pending",
                max_length=50,
                protected=True,
                verbose_name="estado",
            ),
        ),
        migrations.RunPython(erase_unlinked, migrations.RunPython.noop),
    ]
