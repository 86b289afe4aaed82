"""The former cover image fields go; the library's picture takes the name "cover_image".

A migration of its own: PostgreSQL alters no table whose rows the migration before
changed in the same transaction.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0003_cover_image_in_library")]

    operations = [
        migrations.RemoveField(model_name="post", name="cover_image"),
        migrations.RemoveField(model_name="post", name="cover_image_width"),
        migrations.RemoveField(model_name="post", name="cover_image_height"),
        migrations.RemoveField(model_name="post", name="cover_image_alt"),
        migrations.RemoveField(model_name="post", name="cover_image_alt_de"),
        migrations.RemoveField(model_name="post", name="cover_image_alt_en"),
        migrations.RemoveField(model_name="post", name="cover_image_alt_fr"),
        migrations.RemoveField(model_name="post", name="cover_image_alt_es"),
        migrations.RemoveField(model_name="post", name="cover_image_alt_ru"),
        migrations.RemoveField(model_name="post", name="cover_image_alt_uk"),
        migrations.RemoveField(model_name="post", name="cover_image_alt_ar"),
        migrations.RenameField(
            model_name="post", old_name="library_cover_image", new_name="cover_image"
        ),
    ]
