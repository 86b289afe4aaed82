"""The logo moves into the image library: one picture per file, its owner's name as the German text alternative.

Written by hand; the next migration removes the former fields.
"""

import django.db.models.deletion
from django.db import migrations, models

from images.moving import Move

LOGO = Move("projects", "Funder", "logo", target="library_logo", label=["name_de"])


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_alter_project_contacts"),
        ("images", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ]

    operations = [
        migrations.AddField(
            model_name="funder",
            name="library_logo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="funders",
                to="images.image",
                verbose_name="logo",
                help_text="Shown beside the funder's name.",
            ),
        ),
        migrations.RunPython(LOGO.forwards, LOGO.backwards),
    ]
