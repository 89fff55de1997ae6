from django.db import migrations

from core.db import append_only_trigger

SUPPORT_GROUP = "Soporte"


def create_support_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=SUPPORT_GROUP)
    group.permissions.add(
        Permission.objects.get(codename="retry_cedulainfo", content_type__app_label="verification"),
        Permission.objects.get(codename="view_cedulainfo", content_type__app_label="verification"),
        Permission.objects.get(codename="view_transitionlog", content_type__app_label="verification"),
    )


def schedule_sweeper(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name="verification-sweeper",
        defaults={"func": "verification.tasks.sweep", "schedule_type": "I", "minutes": 1, "repeats": -1},
    )


def unschedule_sweeper(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name="verification-sweeper").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [
        append_only_trigger("verification_transitionlog"),
        migrations.RunPython(create_support_group, migrations.RunPython.noop),
        migrations.RunPython(schedule_sweeper, unschedule_sweeper),
    ]
