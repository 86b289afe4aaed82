"""The image moves into the image library: one picture per file, its text alternatives.

Written by hand; the next migration removes the former fields.
"""

import django.db.models.deletion
from django.db import migrations, models

from images.moving import Move

IMAGE = Move(
    "events", "Event", "image", target="library_image", label=["title_de"], alt="image_alt"
)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_venue_name_per_language"),
        ("images", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="library_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="events",
                to="images.image",
                verbose_name="image",
            ),
        ),
        migrations.RunPython(IMAGE.forwards, IMAGE.backwards),
    ]
