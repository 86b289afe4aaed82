from django.db import migrations

# The name as it was when this migration was written (see core.models.MEMBERS_GROUP).
MEMBERS_GROUP = "Members"


def create_members_group(apps, schema_editor):
    """The group whose users see members-only events (see core.models.is_member)."""
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).get_or_create(name=MEMBERS_GROUP)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_members_group, migrations.RunPython.noop),
    ]
