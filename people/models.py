"""The people of the association: board members with their terms, the office's team,
and the working groups."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from images.models import picture_field
from members.models import MemberOrganisation


class Person(models.Model):
    """Someone on the board or in the team. Photo and email are shown only if entered."""

    title = models.CharField(
        _("academic title"), max_length=30, blank=True, help_text=_("For example Dr.")
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    organisation = models.ForeignKey(
        MemberOrganisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("member organisation"),
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Shown on the website (protected from harvesters).")
    )
    photo = picture_field(_("photo"), "people")

    class Meta:
        db_table = "members_person"  # made in the members app, where the model began
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)


class BoardMembershipQuerySet(models.QuerySet):
    def current(self):
        """The board as it is today: terms that cover today, with their people."""
        today = timezone.localdate()
        return self.filter(term_start__lte=today, term_end__gte=today).select_related("person")

    def past(self):
        return self.filter(term_end__lt=timezone.localdate()).select_related("person")


class BoardMembership(models.Model):
    """A seat on the board for one term; the board is elected every two years."""

    class Role(models.TextChoices):
        # Declared in the order the board page lists them.
        CHAIR = "chair", _("Chair")
        DEPUTY_CHAIR = "deputy_chair", _("Deputy chair")
        TREASURER = "treasurer", _("Treasurer")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Board member")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="board_memberships", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    term_start = models.DateField(_("term starts"))
    term_end = models.DateField(_("term ends"))

    objects = BoardMembershipQuerySet.as_manager()

    class Meta:
        db_table = "members_boardmembership"  # made in the members app, where the model began
        verbose_name = _("board membership")
        verbose_name_plural = _("board memberships")
        ordering = ["-term_start", "person__last_name", "person__first_name"]

    def __str__(self):
        return f"{self.person} ({self.term_start.year}–{self.term_end.year})"

    def get_absolute_url(self):
        if self.term_end < timezone.localdate():
            return reverse("people:board-archive")
        return reverse("people:board")

    def clean(self):
        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError(
                {"term_end": _("The term cannot end before it starts.")}, code="term_order"
            )


class TeamPosition(models.Model):
    """A job in the office's team, in the order the team page lists it."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="team_positions", verbose_name=_("person")
    )
    job_title = models.CharField(_("job title"), max_length=200)
    project = models.CharField(
        _("project"), max_length=200, blank=True, help_text=_("For example House of Resources.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        db_table = "members_teamposition"  # made in the members app, where the model began
        verbose_name = _("team position")
        verbose_name_plural = _("team positions")
        ordering = ["order", "person__last_name"]

    def __str__(self):
        return f"{self.person}: {self.job_title}"

    def get_absolute_url(self):
        return f"{reverse('people:team')}#person-{self.person_id}"


class WorkingGroup(models.Model):
    """A standing working group of board, member organisations and staff."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    purpose = models.TextField(_("purpose"))
    members = models.ManyToManyField(
        Person, blank=True, related_name="working_groups", verbose_name=_("members")
    )
    contact = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_for_groups",
        verbose_name=_("contact person"),
        help_text=_("Whom members ask to join; the member area shows the email address."),
    )
    how_to_join = models.TextField(
        _("how to join"),
        blank=True,
        help_text=_("For the member area, for example when and where the group meets."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        db_table = "members_workinggroup"  # made in the members app, where the model began
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('people:working-groups')}#{self.slug}"
