"""The image library: every picture the site shows, uploaded and described once."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.apps import content_models
from core.fields import RichTextField
from core.images import AbstractImage


class Image(AbstractImage):
    """A picture of the library, chosen in posts, events, organisations, people and funders,
    and placed in rich text. One picture used in two places is one row: a change to its
    description reaches both."""

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]

    def usages(self):
        """Everything that shows this picture: what chose it in a field (every foreign key to
        the library, whichever app declares it), then what shows it in a rich text."""
        found = []
        for relation in self._meta.related_objects:
            found += relation.related_model._default_manager.filter(**{relation.field.name: self})
        reference = f'data-image="{self.pk}"'
        for model in content_models():
            texts = [field.name for field in model._meta.fields if isinstance(field, RichTextField)]
            if texts:
                in_text = Q.create([(f"{name}__contains", reference) for name in texts], Q.OR)
                found += model._default_manager.filter(in_text)
        return list(dict.fromkeys(found))


def picture_field(verbose_name, related_name, **options):
    """A model's choice of a picture from the library: optional, and a picture still chosen
    somewhere cannot be deleted (the admin then lists where it is used)."""
    return models.ForeignKey(
        Image,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
        **options,
    )
