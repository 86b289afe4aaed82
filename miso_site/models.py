"""Abstract models shared by the content apps."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What visitors may see: published, and its publish time has come."""
        return self.filter(is_published=True, published_at__lte=timezone.now())


class Publishable(models.Model):
    """Content with a draft state and a publish time.

    Nothing needs to run when the time comes: ``published()`` compares with
    the clock on every query, so a scheduled item appears on its own.
    """

    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published items are shown to visitors."),
    )
    published_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        db_index=True,
        help_text=_("A time in the future schedules the item; it appears on its own then."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_visible(self):
        return self.is_published and self.published_at <= timezone.now()
