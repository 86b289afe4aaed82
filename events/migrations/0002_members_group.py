from django.db import migrations

from miso_site.models import MEMBERS_GROUP


def create_members_group(apps, schema_editor):
    """The group whose users see members-only events (see miso_site.models.is_member)."""
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
