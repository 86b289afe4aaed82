from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import MembersOnly

from .storage import private_storage
from .validators import PdfCheck


class Document(MembersOnly):
    """A PDF the association publishes: its statute, certificates, reports, papers."""

    class Category(models.TextChoices):
        STATUTE = "statute", _("Statute")
        TAX_EXEMPTION = "tax_exemption", _("Tax exemption")
        CERTIFICATE = "certificate", _("Certificates")
        ANNUAL_REPORT = "annual_report", _("Annual reports")
        POSITION_PAPER = "position_paper", _("Position papers")
        OTHER = "other", _("Other documents")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("file name"),
        max_length=120,
        unique=True,
        help_text=_("Visitors download the file under this name, with .pdf added."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    language = models.CharField(
        _("language of the document"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    date = models.DateField(_("date"), help_text=_("The date the document bears."))
    file = models.FileField(
        _("PDF file"),
        upload_to="documents/%Y/",
        storage=private_storage,
        validators=[PdfCheck()],
        help_text=_("A PDF of at most 20 MB, without password or scripts."),
    )
    size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:document-download", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        # Stored once, so lists never ask the storage for sizes.
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    @property
    def filename(self):
        return f"{self.slug}.pdf"
