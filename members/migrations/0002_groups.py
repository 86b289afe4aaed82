from django.db import migrations

# The group names as they were when this migration was written: a migration must
# not import code that can move. Their permissions are given after every migrate
# by backoffice.roles, where the roles are declared.
GROUPS = ["Office", "Board"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUPS:
        Group.objects.using(schema_editor.connection.alias).get_or_create(name=name)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
