from django.conf import settings
from django.db import models
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
