"""Politeness per (site, egress): the breaker, the pause and the next turn move from SiteGate to
EgressGate (the existing rows become the `direct` egress's), and browser leases are per egress."""

from django.db import migrations, models


GATE_FIELDS = (
    "next_slot_at",
    "blocks_in_a_row",
    "breaker_open_until",
    "breaker_reason",
    "paused_until",
    "pause_reason",
)


def gates_to_direct_egress(apps, schema_editor):
    SiteGate = apps.get_model("verification", "SiteGate")
    EgressGate = apps.get_model("verification", "EgressGate")
    EgressGate.objects.bulk_create(
        EgressGate(site=gate.site, egress="direct", **{name: getattr(gate, name) for name in GATE_FIELDS})
        for gate in SiteGate.objects.all()
    )


def direct_egress_to_gates(apps, schema_editor):
    SiteGate = apps.get_model("verification", "SiteGate")
    EgressGate = apps.get_model("verification", "EgressGate")
    for gate in EgressGate.objects.filter(egress="direct"):
        SiteGate.objects.update_or_create(site=gate.site, defaults={name: getattr(gate, name) for name in GATE_FIELDS})


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0005_last_checked_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="EgressGate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("site", models.CharField(max_length=32, verbose_name="sitio")),
                ("egress", models.CharField(default="direct", max_length=300, verbose_name="salida")),
                ("next_slot_at", models.DateTimeField(blank=True, null=True, verbose_name="próximo turno")),
                ("next_submit_at", models.DateTimeField(blank=True, null=True, verbose_name="próxima consulta")),
                ("blocks_in_a_row", models.PositiveIntegerField(default=0, verbose_name="bloqueos seguidos")),
                (
                    "breaker_open_until",
                    models.DateTimeField(blank=True, null=True, verbose_name="interruptor abierto hasta"),
                ),
                ("breaker_reason", models.CharField(blank=True, max_length=64, verbose_name="motivo del interruptor")),
                ("paused_until", models.DateTimeField(blank=True, null=True, verbose_name="en pausa hasta")),
                ("pause_reason", models.CharField(blank=True, max_length=64, verbose_name="motivo de la pausa")),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "sitio por salida",
                "verbose_name_plural": "sitios por salida",
            },
        ),
        migrations.RunPython(gates_to_direct_egress, direct_egress_to_gates),
        migrations.RemoveConstraint(
            model_name="sitelease",
            name="verif_site_lease_slot_uniq",
        ),
        migrations.RemoveField(
            model_name="sitegate",
            name="blocks_in_a_row",
        ),
        migrations.RemoveField(
            model_name="sitegate",
            name="breaker_open_until",
        ),
        migrations.RemoveField(
            model_name="sitegate",
            name="breaker_reason",
        ),
        migrations.RemoveField(
            model_name="sitegate",
            name="next_slot_at",
        ),
        migrations.RemoveField(
            model_name="sitegate",
            name="pause_reason",
        ),
        migrations.RemoveField(
            model_name="sitegate",
            name="paused_until",
        ),
        migrations.AddField(
            model_name="sitelease",
            name="egress",
            field=models.CharField(default="direct", max_length=300),
        ),
        migrations.AddConstraint(
            model_name="sitelease",
            constraint=models.UniqueConstraint(
                fields=("site", "egress", "slot"), name="verif_site_lease_egress_slot_uniq"
            ),
        ),
        migrations.AddConstraint(
            model_name="egressgate",
            constraint=models.UniqueConstraint(fields=("site", "egress"), name="verif_egress_gate_uniq"),
        ),
    ]
