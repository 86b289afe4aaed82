"""The former image fields go; the library's picture takes the name "image".

A migration of its own: PostgreSQL alters no table whose rows the migration before
changed in the same transaction.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0004_image_in_library")]

    operations = [
        migrations.RemoveField(model_name="event", name="image"),
        migrations.RemoveField(model_name="event", name="image_width"),
        migrations.RemoveField(model_name="event", name="image_height"),
        migrations.RemoveField(model_name="event", name="image_alt"),
        migrations.RemoveField(model_name="event", name="image_alt_de"),
        migrations.RemoveField(model_name="event", name="image_alt_en"),
        migrations.RemoveField(model_name="event", name="image_alt_fr"),
        migrations.RemoveField(model_name="event", name="image_alt_es"),
        migrations.RemoveField(model_name="event", name="image_alt_ru"),
        migrations.RemoveField(model_name="event", name="image_alt_uk"),
        migrations.RemoveField(model_name="event", name="image_alt_ar"),
        migrations.RenameField(model_name="event", old_name="library_image", new_name="image"),
    ]
