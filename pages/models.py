from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField
from core.models import Submission


class Page(models.Model):
    """One of the site's fixed pages; its texts are edited in the admin."""

    class Key(models.TextChoices):
        HOME = "home", _("Home")
        ABOUT = "about", _("About us")
        PRINCIPLES = "principles", _("Principles")
        CONTACT = "contact", _("Contact")
        IMPRINT = "imprint", _("Imprint")
        PRIVACY = "privacy", _("Privacy")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        EASY_READ = "easy_read", _("Easy to read")

    key = models.CharField(_("page"), max_length=20, choices=Key.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True, help_text=_("A short introduction."))
    body = RichTextField(_("text"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["key"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"pages:{self.key.replace('_', '-')}")


class Principle(models.Model):
    """One of the association's guiding principles."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("pages:principles")


class Association(models.Model):
    """The association's own data: one record, shown in footer, contact page and imprint."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50)
    founded = models.DateField(_("founded"))
    street = models.CharField(_("street and number"), max_length=200)
    address_extra = models.CharField(_("address addition"), max_length=100, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    phone = models.CharField(_("phone"), max_length=50)
    email = models.EmailField(_("email"))
    register_court = models.CharField(_("register court"), max_length=100)
    register_number = models.CharField(
        _("register number"), max_length=50, blank=True, help_text=_("For example VR 123456.")
    )
    opening_note = models.CharField(
        _("note on opening hours"),
        max_length=200,
        blank=True,
        help_text=_("Shown under the opening hours, for example 'and by appointment'."),
    )
    directions = models.TextField(_("how to get there"), blank=True)
    funders_line = models.CharField(
        _("funders line"), max_length=300, blank=True, help_text=_("Shown in every page's footer.")
    )

    class Meta:
        verbose_name = _("association data")
        verbose_name_plural = _("association data")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pages:contact")

    @classmethod
    def load(cls):
        """The association's record with its opening hours, in two queries."""
        return cls.objects.prefetch_related("opening_hours").first()


class OpeningHours(models.Model):
    """Office hours, for example Monday to Thursday 9:00–17:00."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="opening_hours"
    )
    first_day = models.PositiveSmallIntegerField(_("from"), choices=Weekday.choices)
    last_day = models.PositiveSmallIntegerField(_("to"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["first_day", "opens"]

    def __str__(self):
        return f"{self.get_first_day_display()}–{self.get_last_day_display()}"

    @property
    def days(self):
        # The labels straight away: get_FOO_display() builds a dict of the choices every call.
        first = self.Weekday(self.first_day).label
        if self.first_day == self.last_day:
            return str(first)
        return f"{first} – {self.Weekday(self.last_day).label}"


class ContactMessage(Submission):
    """A message sent with the contact form (or a reported accessibility barrier)."""

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Contact form")
        BARRIER = "barrier", _("Accessibility barrier")

    class Status(models.TextChoices):
        NEW = Submission.NEW, _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CONTACT)
    name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("your email address"))
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    page_url = models.CharField(_("page concerned"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )

    class Meta(Submission.Meta):
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.name}: {self.subject}"
