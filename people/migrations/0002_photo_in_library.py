"""The photo moves into the image library: one picture per file, its owner's name as the German text alternative.

Written by hand; the next migration removes the former fields.
"""

import django.db.models.deletion
from django.db import migrations, models

from images.moving import Move

PHOTO = Move(
    "people", "Person", "photo", target="library_photo", label=["title", "first_name", "last_name"]
)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("images", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="library_photo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="people",
                to="images.image",
                verbose_name="photo",
            ),
        ),
        migrations.RunPython(PHOTO.forwards, PHOTO.backwards),
    ]
