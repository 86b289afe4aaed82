import math

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.fields import RichTextField
from core.fragments import SharedCards
from core.models import Publishable, PublishableQuerySet
from images.models import picture_field

WORDS_PER_MINUTE = 200


def reading_times(post):
    """Minutes to read ``post``'s text, by language, for each language that has a text.

    Worked out from the language columns (a migration passes its historical model), once
    when the post is saved: a list of cards would otherwise strip every card's whole text.
    """
    times = {}
    for code, _name in settings.LANGUAGES:
        if body := getattr(post, f"body_{code}"):
            times[code] = max(1, math.ceil(len(strip_tags(body).split()) / WORDS_PER_MINUTE))
    return times


class PostQuerySet(PublishableQuerySet):
    def listed(self):
        """Published posts for lists, feeds and the home page.

        A job posting leaves them once its application deadline has passed;
        its own page still answers, for anyone who follows an old link.
        """
        return self.published().exclude(
            kind=Post.Kind.JOB, application_deadline__lt=timezone.localdate()
        )

    def latest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_cards(self):
        """With the cover image a card shows, in the same query."""
        return self.select_related("cover_image").in_shown_languages()

    def as_cards(self, heading_level=2):
        """The posts as shared cards (``core.fragments.SharedCards``) under headings of
        ``heading_level``."""
        return SharedCards(
            "post-card",
            self.values_list("pk"),
            "news/includes/post_card.html",
            load=lambda pks: Post.objects.for_cards().in_bulk(pks),
            context=lambda post: {"post": post, "heading_level": heading_level},
            extra=(heading_level,),
        )


class Post(Publishable):
    """A news item, press release, position paper or job posting."""

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        PRESS_RELEASE = "press", _("Press release")
        POSITION_PAPER = "position", _("Position paper")
        JOB = "job", _("Job posting")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the page address, the same in every language."),
    )
    teaser = models.TextField(
        _("teaser"), help_text=_("Two or three sentences for lists, feeds and the home page.")
    )
    body = RichTextField(_("text"), blank=True)
    cover_image = picture_field(_("cover image"), "posts")
    author = models.CharField(
        _("author"),
        max_length=200,
        default="MiSO e. V.",
        help_text=_("The name shown with the post: a person or the association."),
    )
    application_deadline = models.DateField(
        _("application deadline"),
        null=True,
        blank=True,
        help_text=_("Job postings only: the posting leaves the news list after this day."),
    )
    organisations = models.ManyToManyField(
        "members.MemberOrganisation",
        blank=True,
        related_name="posts",
        verbose_name=_("member organisations"),
    )
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="posts", verbose_name=_("projects")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    reading_times = models.JSONField(
        _("reading time in minutes, by language"), default=dict, editable=False
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-published_at", "-pk"]
        indexes = [
            # Holds every column of ``listed()``, so its count and year list read only the index.
            models.Index(
                fields=["published_at", "is_published", "kind", "application_deadline"],
                name="news_post_listed_idx",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="job") | Q(application_deadline__isnull=True),
                name="news_post_deadline_only_for_jobs",
                violation_error_message=_("Only job postings have an application deadline."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:post-detail", kwargs={"slug": self.slug})

    def save(self, *args, update_fields=None, **kwargs):
        self.reading_times = reading_times(self)
        if update_fields is not None:
            update_fields = {*update_fields, "reading_times"}
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def reading_minutes(self):
        """Minutes to read the text in the active language (German where it has none)."""
        times = self.reading_times
        return times.get(get_language()) or times.get(settings.LANGUAGE_CODE) or 1

    @property
    def is_job_posting(self):
        return self.kind == self.Kind.JOB

    @property
    def deadline_has_passed(self):
        return bool(self.application_deadline) and self.application_deadline < timezone.localdate()
