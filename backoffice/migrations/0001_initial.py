import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# EditorPreference was created by the configuration package's own migration,
# which is gone. A database migrated before keeps its table and rows: only the
# model's place in Django's state moves, with its content type (and so its
# permissions). A new database gets the table here.
TABLE = "miso_site_editorpreference"


def create_table_if_missing(apps, schema_editor):
    if TABLE not in schema_editor.connection.introspection.table_names():
        schema_editor.create_model(apps.get_model("backoffice", "EditorPreference"))


def drop_table(apps, schema_editor):
    schema_editor.delete_model(apps.get_model("backoffice", "EditorPreference"))


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.using(schema_editor.connection.alias).filter(
        app_label="miso_site", model="editorpreference"
    )
    old.update(app_label="backoffice")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EditorPreference",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("language", models.CharField(choices=[("de", "Deutsch"), ("en", "English"), ("fr", "Français"), ("es", "Español"), ("ru", "Русский"), ("uk", "Українська"), ("ar", "العربية")], max_length=10, verbose_name="admin language")),
                        ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="editor_preference", to=settings.AUTH_USER_MODEL, verbose_name="user")),
                    ],
                    options={
                        "verbose_name": "editor preference",
                        "verbose_name_plural": "editor preferences",
                        "db_table": TABLE,
                    },
                ),
            ],
        ),
        migrations.RunPython(create_table_if_missing, drop_table),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
