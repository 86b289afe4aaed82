"""The image library: every picture the site shows, uploaded and described once."""

from django.utils.translation import gettext_lazy as _

from core.images import AbstractImage


class Image(AbstractImage):
    """A picture of the library, chosen in posts, events, organisations, people and funders.
    One picture used in two places is one row: a change to its description reaches both."""

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]

    def usages(self):
        """Everything that shows this picture: what chose it in a field (every foreign key to
        the library, whichever app declares it)."""
        found = []
        for relation in self._meta.related_objects:
            found += relation.related_model._default_manager.filter(**{relation.field.name: self})
        return found
