"""Moving the pictures of the former image fields into the library, for each app's migration.

Before the library, a post, an event, an organisation, a person and a funder each had an
image field of their own: the file, its width and height and, for posts and events, a text
alternative per language. ``move_in`` gives every file one picture in the library (the
file stays where it is: only its name is copied, and the smaller versions beside it keep
theirs) and points the model's new foreign key at it. The same file used twice becomes
one picture. A picture that had no description gets its owner's name or title in German,
the language every visitor falls back to.

The history moves along: every stored version names the picture as the model now does,
so an old version can still be restored, pictures that only a version names included
while their file is still there. ``move_out`` undoes both.

Historical models only: each function takes a migration's ``apps``.
"""

import json

from django.conf import settings
from django.core.files.storage import default_storage

LANGUAGES = [code for code, _name in settings.LANGUAGES]


class Move:
    """One former image field of ``app_label.model_name`` and its new foreign key ``target``.

    ``alt`` names the former text alternative, if it had one; ``label`` the fields whose
    values, joined, describe a picture that had none (a person's name, a post's title).
    """

    def __init__(self, app_label, model_name, field, *, target, label, alt=None):
        self.app_label, self.model_name = app_label, model_name
        self.field, self.target, self.label, self.alt = field, target, label, alt

    def former_fields(self, fields):
        """Take the former image's values out of ``fields`` (a version's or a row's): its
        file, size and descriptions, all named after the field."""
        texts = {}
        if self.alt:
            texts = {code: fields.get(f"{self.alt}_{code}") or "" for code in LANGUAGES}
        if not texts.get(settings.LANGUAGE_CODE):
            described = " ".join(str(fields.get(name) or "") for name in self.label).strip()
            texts[settings.LANGUAGE_CODE] = described
        found = {
            "file": fields.get(self.field) or "",
            "width": fields.get(f"{self.field}_width"),
            "height": fields.get(f"{self.field}_height"),
            "texts": texts,
        }
        for name in [*fields]:
            if name == self.field or name.startswith(f"{self.field}_"):
                del fields[name]
        return found

    def forwards(self, apps, schema_editor):
        database = schema_editor.connection.alias
        owners = apps.get_model(self.app_label, self.model_name).objects.using(database)
        library = Library(apps, database)
        columns = [
            self.field,
            f"{self.field}_width",
            f"{self.field}_height",
            *self.label,
            *([f"{self.alt}_{code}" for code in LANGUAGES] if self.alt else []),
        ]
        for row in owners.exclude(**{self.field: ""}).values("pk", *columns):
            image = library.picture(self.former_fields(row))
            owners.filter(pk=row["pk"]).update(**{self.target: image})
        for fields in self.stored_versions(apps, database):
            former = self.former_fields(fields)
            image = library.picture(former, only_if_stored=True) if former["file"] else None
            fields[self.field] = image and image.pk

    def backwards(self, apps, schema_editor):
        database = schema_editor.connection.alias
        owners = apps.get_model(self.app_label, self.model_name).objects.using(database)
        pictures = apps.get_model("images", "Image").objects.using(database)
        for owner in owners.exclude(**{f"{self.target}__isnull": True}).select_related(self.target):
            image = getattr(owner, self.target)
            owners.filter(pk=owner.pk).update(**self.former_values(image))
        for fields in self.stored_versions(apps, database):
            image = pictures.filter(pk=fields.pop(self.field, None)).first()
            fields.update(self.former_values(image))

    def former_values(self, image):
        """The former fields' values for ``image`` (None: no picture)."""
        values = {
            self.field: image.file.name if image else "",
            f"{self.field}_width": image and image.width,
            f"{self.field}_height": image and image.height,
        }
        if self.alt:
            for code in LANGUAGES:
                text = getattr(image, f"alt_{code}") if image else ""
                values[f"{self.alt}_{code}"] = text or ""
            values[self.alt] = values[f"{self.alt}_{settings.LANGUAGE_CODE}"]
        return values

    def stored_versions(self, apps, database):
        """Each stored version's fields of this model, to change in place: saved when the
        caller takes the next one."""
        content_type = (
            apps.get_model("contenttypes", "ContentType")
            .objects.using(database)
            .filter(app_label=self.app_label, model=self.model_name.lower())
            .first()
        )
        if content_type is None:
            return
        label = f"{self.app_label}.{self.model_name.lower()}"
        versions = apps.get_model("reversion", "Version").objects.using(database)
        for version in versions.filter(content_type=content_type, format="json"):
            data = json.loads(version.serialized_data)
            for item in data:
                if item["model"] == label:
                    yield item["fields"]
            version.serialized_data = json.dumps(data, ensure_ascii=False)
            version.save(update_fields=["serialized_data"])


class Library:
    """The library's pictures by file name, as the migration finds and makes them."""

    def __init__(self, apps, database):
        self.pictures = apps.get_model("images", "Image").objects.using(database)

    def picture(self, former, *, only_if_stored=False):
        """The picture of the former image ``former``: found by its file, else made.

        Empty text alternatives of a picture found are filled in from ``former``.
        """
        image = self.pictures.filter(file=former["file"]).first()
        if image is None and only_if_stored and not default_storage.exists(former["file"]):
            return None
        texts = {f"alt_{code}": text for code, text in former["texts"].items() if text}
        if image is None:
            # Named with update(): assigning the file would open it to measure it again.
            image = self.pictures.create(
                width=former["width"],
                height=former["height"],
                # modeltranslation keeps the default language in the field's own column too.
                alt=former["texts"][settings.LANGUAGE_CODE],
                **texts,
            )
            self.pictures.filter(pk=image.pk).update(file=former["file"])
            return image
        missing = {name: text for name, text in texts.items() if not getattr(image, name)}
        if missing:
            self.pictures.filter(pk=image.pk).update(**missing)
        return image
