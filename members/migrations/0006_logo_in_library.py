"""The logo moves into the image library: one picture per file, its owner's name as the German text alternative.

Written by hand; the next migration removes the former fields.
"""

import django.db.models.deletion
from django.db import migrations, models

from images.moving import Move

LOGO = Move("members", "MemberOrganisation", "logo", target="library_logo", label=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_needs_review"),
        ("images", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="memberorganisation",
            name="library_logo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="organisations",
                to="images.image",
                verbose_name="logo",
            ),
        ),
        migrations.RunPython(LOGO.forwards, LOGO.backwards),
    ]
