"""The network's members: organisations, districts, meeting points and applications."""

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from modeltranslation.utils import build_localized_fieldname

from backoffice.history import history_note
from core.fields import RichTextField, URLField
from core.fragments import SharedCards
from core.models import Submission
from core.translated import ShownLanguagesQuerySet
from images.models import picture_field


class District(models.Model):
    """A part of the city, for example Linden-Nord; it may lie within a larger one."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    part_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name=_("part of"),
        help_text=_("Filtering by the larger district also finds organisations in this one."),
    )

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('members:directory')}?district={self.slug}"


class FocusArea(models.Model):
    """What an organisation works on, for example education or refugee support."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('members:directory')}?focus={self.slug}"


class Language(models.Model):
    """A language an organisation works in, named in the visitor's language and in itself."""

    code = models.SlugField(
        _("language code"),
        max_length=12,
        unique=True,
        help_text=_("ISO 639 code, for example 'el' for Greek or 'ku' for Kurdish."),
    )
    name = models.CharField(_("name"), max_length=100)
    endonym = models.CharField(
        _("name in the language itself"), max_length=100, help_text=_("For example Ελληνικά.")
    )

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('members:directory')}?language={self.code}"


class Located(models.Model):
    """A place that can be shown on the map once the visitor has agreed to load it."""

    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, for example 52.3759. Leave empty to keep it off the map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, for example 9.7320."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _("Enter both latitude and longitude, or neither."), code="half_position"
            )

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None


class MemberOrganisationQuerySet(ShownLanguagesQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_district(self, district):
        """Organisations in the district or in one of its parts."""
        return self.filter(Q(district=district) | Q(district__part_of=district))

    def for_listing(self):
        """Everything a card shows, in a fixed number of queries.

        The focus areas and languages come as plain lists, ``focus_area_list`` and
        ``language_list``: cheaper to build and to read than a queryset per organisation.
        """
        return (
            self.select_related("district")
            .prefetch_related(
                Prefetch("focus_areas", to_attr="focus_area_list"),
                Prefetch("languages", to_attr="language_list"),
            )
            .in_shown_languages()
        )

    def as_cards(self):
        """The organisations as shared cards (``core.fragments.SharedCards``)."""
        return SharedCards(
            "organisation-card",
            self.values_list("pk"),
            "members/includes/organisation_card.html",
            load=lambda pks: MemberOrganisation.objects.for_listing().in_bulk(pks),
            context=lambda organisation: {"organisation": organisation},
        )


class MemberOrganisation(Located):
    """A member of the network, as its entry in the public directory shows it."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=50, blank=True, help_text=_("For example IIK or ADV Nord.")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = RichTextField(_("description"))
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="organisations", verbose_name=_("focus areas")
    )
    languages = models.ManyToManyField(
        Language,
        blank=True,
        related_name="organisations",
        verbose_name=_("languages"),
        help_text=_("The languages the organisation works in."),
    )
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("district"),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, default="Hannover")
    website = URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    member_since = models.DateField(_("member since"), null=True, blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active members appear on the website.")
    )
    # Set when an accepted application's description, in another language, is copied
    # into German (every visitor's fallback); the admin clears it (see its save_model).
    needs_review = models.BooleanField(_("German text needs review"), default=False)

    logo = picture_field(_("logo"), "organisations")

    objects = MemberOrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = [Lower("name")]
        # The directory reads its first page along this index instead of sorting every row.
        indexes = [models.Index(Lower("name"), name="members_org_lower_name_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:organisation-detail", kwargs={"slug": self.slug})

    @classmethod
    def unique_slug(cls, name):
        """A slug for a new organisation, numbered if another one has it already."""
        base = slugify(name)[:70] or "organisation"
        slug, number = base, 1
        while cls.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug


class MeetingPoint(Located):
    """A neighbourhood meeting point (Treffpunkt) where the network is present in person."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    host = models.ForeignKey(
        MemberOrganisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_points",
        verbose_name=_("host organisation"),
    )
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_points",
        verbose_name=_("district"),
    )
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, default="Hannover")
    opening_times = models.TextField(_("opening times"), blank=True)
    offers = models.TextField(_("what it offers"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_example = models.BooleanField(
        _("example data"),
        default=False,
        help_text=_("Invented demo details: replace them with the real ones and untick this."),
    )

    class Meta:
        verbose_name = _("meeting point")
        verbose_name_plural = _("meeting points")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('members:meeting-points')}#{self.slug}"


class MembershipApplication(Submission):
    """An organisation's application to join, sent with the public form."""

    class Status(models.TextChoices):
        NEW = Submission.NEW, _("New")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organisation_name = models.CharField(_("name of the organisation"), max_length=200)
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("district"),
        help_text=_("Leave empty if your organisation is based outside the city."),
    )
    activities = models.TextField(_("what your organisation does"), max_length=5000)
    accepts_principles = models.BooleanField(
        _("We agree with the principles of the MiSO network."), default=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    organisation = models.OneToOneField(
        MemberOrganisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("member organisation created"),
    )

    class Meta(Submission.Meta):
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")

    def __str__(self):
        return self.organisation_name

    def accept(self, user=None):
        """Create the member organisation as a draft and mark the application accepted,
        all or nothing; return the organisation, or None if it was no longer new.

        The draft is inactive, so nothing of it is public before the office has
        checked it; the applicant's email and phone were given to the office only,
        so the public contact details stay empty. The description goes into the
        applicant's language and, as every visitor's fallback, into German, marked
        for review when it is not German.
        """
        languages = dict(settings.LANGUAGES)
        language = self.language if self.language in languages else settings.LANGUAGE_CODE
        description = linebreaks(self.activities, autoescape=True)
        with reversion.create_revision():
            # Claimed first, so a second accept, even at the same moment, changes nothing.
            claimed = MembershipApplication.objects.filter(
                pk=self.pk, status=self.Status.NEW
            ).update(status=self.Status.ACCEPTED)
            if not claimed:
                return None
            organisation = MemberOrganisation(
                name=self.organisation_name,
                slug=MemberOrganisation.unique_slug(self.organisation_name),
                district=self.district,
                member_since=timezone.localdate(),
                is_active=False,
                needs_review=language != settings.LANGUAGE_CODE,
            )
            for code in {language, settings.LANGUAGE_CODE}:
                setattr(organisation, build_localized_fieldname("description", code), description)
            organisation.save()
            reversion.set_user(user)
            reversion.set_comment(
                history_note(
                    gettext_noop("Created from membership application %(number)s"),
                    number=self.pk,
                )
            )
            self.organisation = organisation
            self.status = self.Status.ACCEPTED
            self.save(update_fields=["organisation"])
        return organisation
