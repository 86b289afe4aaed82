from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField, URLField
from core.models import Publishable, PublishableQuerySet
from images.models import picture_field


class Funder(models.Model):
    """Who pays for a project: a ministry, the city, a foundation."""

    name = models.CharField(_("name"), max_length=200)
    logo = picture_field(_("logo"), "funders", help_text=_("Shown beside the funder's name."))
    link = URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProjectQuerySet(PublishableQuerySet):
    def current(self):
        """Projects that have not ended: running, or about to start."""
        return self.filter(Q(end__isnull=True) | Q(end__gte=timezone.localdate()))

    def finished(self):
        return self.filter(end__lt=timezone.localdate())


class Project(Publishable):
    """A project of the network, with its funders, partners and contact people.

    Whether it is running or finished follows from its dates, so nobody has to
    move it to the finished projects when it ends.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Starts soon")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the page address, the same in every language."),
    )
    summary = models.TextField(_("summary"), help_text=_("One or two sentences for the list."))
    body = RichTextField(_("text"), blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(
        _("end"), null=True, blank=True, help_text=_("Leave empty while the end is open.")
    )
    funders = models.ManyToManyField(
        Funder, blank=True, related_name="projects", verbose_name=_("funders")
    )
    partners = models.ManyToManyField(
        "members.MemberOrganisation",
        blank=True,
        related_name="projects",
        verbose_name=_("partner member organisations"),
    )
    contacts = models.ManyToManyField(
        "people.Person",
        blank=True,
        related_name="projects",
        verbose_name=_("contact people"),
        help_text=_("People from the team who answer questions about the project."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="project_ends_after_it_starts",
                violation_error_message=_("A project cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project-detail", kwargs={"slug": self.slug})

    @property
    def status(self):
        today = timezone.localdate()
        if self.end and self.end < today:
            return self.Status.FINISHED
        if self.start > today:
            return self.Status.PLANNED
        return self.Status.RUNNING

    def get_status_display(self):
        return self.Status(self.status).label
