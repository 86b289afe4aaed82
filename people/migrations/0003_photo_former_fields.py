"""The former photo fields go; the library's picture takes the name "photo".

A migration of its own: PostgreSQL alters no table whose rows the migration before
changed in the same transaction.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("people", "0002_photo_in_library")]

    operations = [
        migrations.RemoveField(model_name="person", name="photo"),
        migrations.RemoveField(model_name="person", name="photo_width"),
        migrations.RemoveField(model_name="person", name="photo_height"),
        migrations.RenameField(model_name="person", old_name="library_photo", new_name="photo"),
    ]
