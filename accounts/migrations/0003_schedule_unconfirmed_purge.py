from django.db import migrations


def schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.update_or_create(
        name="accounts-unconfirmed-purge",
        defaults={"func": "accounts.tasks.purge_unconfirmed", "schedule_type": "I", "minutes": 15, "repeats": -1},
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="accounts-unconfirmed-purge").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_email_confirmation"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(schedule, unschedule)]
