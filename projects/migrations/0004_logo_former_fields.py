"""The former logo fields go; the library's picture takes the name "logo".

A migration of its own: PostgreSQL alters no table whose rows the migration before
changed in the same transaction.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("projects", "0003_logo_in_library")]

    operations = [
        migrations.RemoveField(model_name="funder", name="logo"),
        migrations.RemoveField(model_name="funder", name="logo_width"),
        migrations.RemoveField(model_name="funder", name="logo_height"),
        migrations.RenameField(model_name="funder", old_name="library_logo", new_name="logo"),
    ]
