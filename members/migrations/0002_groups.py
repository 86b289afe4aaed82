from django.db import migrations

from members.roles import sync_group_permissions


def create_groups(apps, schema_editor):
    # On a new database the permissions are created only after all migrations;
    # the post_migrate handler in members/apps.py assigns them then.
    sync_group_permissions(apps, schema_editor.connection.alias)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=["Office", "Board"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
