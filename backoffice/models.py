from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EditorPreference(models.Model):
    """A staff member's own language for the admin interface (not for content)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editor_preference",
        verbose_name=_("user"),
    )
    language = models.CharField(_("admin language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        # The table the model had before the back office was a package of its own.
        db_table = "miso_site_editorpreference"
        verbose_name = _("editor preference")
        verbose_name_plural = _("editor preferences")

    def __str__(self):
        return f"{self.user}: {self.get_language_display()}"


class OutdatedTranslation(models.Model):
    """A translation of one field written before that field's German text last changed.

    Visitors still read it (an older translation serves them better than German);
    the office sees it marked until someone edits the translation. Kept up to date
    by ``translation_status.track_outdated_translations`` on every save.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    field = models.CharField(_("field"), max_length=100)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    german_changed_at = models.DateTimeField(_("German text changed"), default=timezone.now)

    class Meta:
        verbose_name = _("outdated translation")
        verbose_name_plural = _("outdated translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="backoffice_outdated_translation_unique",
            )
        ]
        indexes = [models.Index(fields=["content_type", "language", "object_id"])]

    def __str__(self):
        return f"{self.content_type} {self.object_id}: {self.field} ({self.language})"
