"""The cover image moves into the image library: one picture per file, its text alternatives.

Written by hand; the next migration removes the former fields.
"""

import django.db.models.deletion
from django.db import migrations, models

from images.moving import Move

COVER_IMAGE = Move(
    "news",
    "Post",
    "cover_image",
    target="library_cover_image",
    label=["title_de"],
    alt="cover_image_alt",
)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_listed_index"),
        ("images", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="library_cover_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="posts",
                to="images.image",
                verbose_name="cover image",
            ),
        ),
        migrations.RunPython(COVER_IMAGE.forwards, COVER_IMAGE.backwards),
    ]
