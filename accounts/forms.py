"""The member area's forms: the organisation's entry and a proposed event."""

import secrets

from allauth.account.models import EmailAddress
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.utils import timezone, translation
from django.utils.html import linebreaks
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.forms import RATE_LIMIT, PhoneNumberField, count_attempt
from core.images import ImageCheck
from core.uploads import MB
from events.models import Event
from images.models import Image
from members.models import MemberOrganisation

from .models import OrganisationChange

DESCRIPTION_MAX_LENGTH = 10_000


def plain_lines(text):
    """Text from a text area with the browser's line ends (CR LF) as the stored ones (LF)."""
    return text.replace("\r\n", "\n").strip()


class PictureField(forms.FileField):
    """An optional picture, checked for what it really is (core.images), not by its name."""

    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            validators=[ImageCheck(5 * MB, 20_000_000)],
            widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
            **kwargs,
        )


def library_picture(upload, alt, language):
    """The upload stored in the image library, cleaned and resized as every picture is, with
    its text alternative in the member's language and in German, every visitor's fallback."""
    picture = Image(file=upload)
    for code in {language, settings.LANGUAGE_CODE}:
        setattr(picture, build_localized_fieldname("alt", code), alt)
    picture.save()
    return picture


class EntryForm(forms.ModelForm):
    """The directory entry as the member proposes it: a description box per language."""

    phone = PhoneNumberField(label=capfirst(_("phone")), required=False)
    logo_file = PictureField(
        label=_("New logo"),
        help_text=_("A JPEG, PNG or WebP file of at most 5 MB. Leave empty to keep the logo."),
    )

    class Meta:
        model = OrganisationChange
        fields = [
            "focus_areas",
            "languages",
            "district",
            "street",
            "postcode",
            "city",
            "website",
            "email",
            "phone",
        ]
        widgets = {
            "focus_areas": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
        }
        labels = {"email": capfirst(_("public email address"))}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        descriptions = {}
        for code, name in settings.LANGUAGES:
            descriptions[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s") % {"language": name},
                required=False,
                max_length=DESCRIPTION_MAX_LENGTH,
                widget=forms.Textarea(attrs={"lang": code, "dir": "auto", "rows": 6}),
            )
            descriptions[f"description_{code}"].initial = self.instance.descriptions.get(code, "")
        self.fields = descriptions | self.fields
        self.fields["district"].queryset = self.fields["district"].queryset.order_by("slug")
        self.fields["languages"].queryset = self.fields["languages"].queryset.order_by("code")

    def description_fields(self):
        return [self[f"description_{code}"] for code, _name in settings.LANGUAGES]

    def other_fields(self):
        descriptions = set(self.description_fields())
        return [field for field in self.visible_fields() if field not in descriptions]

    def clean(self):
        cleaned_data = super().clean()
        descriptions = {
            code: plain_lines(cleaned_data.get(f"description_{code}", ""))
            for code, _name in settings.LANGUAGES
        }
        if not any(descriptions.values()):
            raise forms.ValidationError(
                _("Please describe your organisation in at least one language."),
                code="no_description",
            )
        self.instance.descriptions = {code: text for code, text in descriptions.items() if text}
        return cleaned_data

    def save(self, commit=True):
        upload = self.cleaned_data.get("logo_file")
        if upload:
            with translation.override(settings.LANGUAGE_CODE):
                alt = gettext("Logo of %(organisation)s") % {"organisation": self.organisation}
            self.instance.logo = library_picture(upload, alt, settings.LANGUAGE_CODE)
        return super().save(commit)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class EventProposalForm(forms.ModelForm):
    """A member's event, stored unpublished with their organisation as presenter.

    The texts go into the member's language and into German, every visitor's
    fallback, where the office translates them before publishing.
    """

    title = forms.CharField(label=_("title"), max_length=200)
    description = forms.CharField(
        label=_("description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What happens, for whom, in which languages. Separate paragraphs by an empty line."
        ),
    )
    price = forms.CharField(
        label=_("price"),
        max_length=200,
        required=False,
        help_text=_("When entry is not free, for example '5 €, reduced 3 €'."),
    )
    place = forms.CharField(
        label=_("place, if not in the list"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Name and address of the place, so that the office can add it."),
    )

    image_file = PictureField(
        label=_("Picture"), help_text=_("A JPEG, PNG or WebP file of at most 5 MB.")
    )
    image_alt = forms.CharField(
        label=_("What the picture shows"),
        required=False,
        max_length=300,
        help_text=_("For people who cannot see it."),
    )

    class Meta:
        model = Event
        fields = [
            "starts_at",
            "ends_at",
            "all_day",
            "venue",
            "is_free",
            "registration",
            "registration_email",
            "registration_url",
            "registration_deadline",
            "members_only",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "registration_deadline": DateInput(),
            "registration": forms.RadioSelect,
        }
        help_texts = {
            "all_day": _("Only the dates count; the times are ignored."),
            "members_only": _("Shown only to members of the network, not to the public."),
        }

    field_order = [
        "title",
        "description",
        "starts_at",
        "ends_at",
        "all_day",
        "venue",
        "place",
        "is_free",
        "price",
    ]

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.fields["venue"].help_text = _(
            "Leave empty and describe the place below if it is not listed."
        )

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at <= timezone.now():
            raise forms.ValidationError(_("The start must lie in the future."), code="in_the_past")
        return starts_at

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("image_file") and not cleaned_data.get("image_alt"):
            self.add_error(
                "image_alt",
                _("Please say what the picture shows, for people who cannot see it."),
            )
        if not cleaned_data.get("venue") and not cleaned_data.get("place"):
            self.add_error("place", _("Please choose a place from the list or describe it."))
        # Set before the model's own checks, which read the German columns.
        event = self.instance
        texts = {
            "title": cleaned_data.get("title", ""),
            "price": cleaned_data.get("price", ""),
            "description": linebreaks(
                plain_lines(cleaned_data.get("description", "")), autoescape=True
            ),
        }
        for name, text in texts.items():
            for code in {self.language, settings.LANGUAGE_CODE}:
                setattr(event, build_localized_fieldname(name, code), text)
        # Made unique by chance; the office may shorten it before publishing.
        base = slugify(cleaned_data.get("title", ""))[:60] or "event"
        event.slug = f"{base}-{secrets.token_hex(4)}"
        event.is_published = False
        return cleaned_data

    def save(self, commit=True):
        upload = self.cleaned_data.get("image_file")
        if upload:
            self.instance.image = library_picture(
                upload, self.cleaned_data["image_alt"], self.language
            )
        return super().save(commit)

    def _update_errors(self, errors):
        # The event's own checks name its German columns (price_de): here one field each.
        if hasattr(errors, "error_dict"):
            suffix = f"_{settings.LANGUAGE_CODE}"
            errors.error_dict = {
                name.removesuffix(suffix): messages for name, messages in errors.error_dict.items()
            }
        super()._update_errors(errors)


TOO_OFTEN = _("You have sent this form too often. Please try again in an hour.")


class InvitationForm(forms.Form):
    """The office's invitation of a person (in the admin, ``accounts.admin``)."""

    email = forms.EmailField(label=_("Email address"))
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Member organisation"), queryset=MemberOrganisation.objects.order_by("name")
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=settings.LANGUAGES,
        help_text=_("The email, and the page where the person sets a password, are in it."),
    )

    def __init__(self, *args, sender, **kwargs):
        self.sender = sender
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        taken = (
            get_user_model().objects.filter(email__iexact=email).exists()
            or EmailAddress.objects.filter(email__iexact=email).exists()
        )
        if taken:
            raise forms.ValidationError(
                _("An account with this email address exists already."), code="taken"
            )
        return email

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors:
            sent = count_attempt(f"rate-limit:invitation:{self.sender.pk}")
            if sent > settings.INVITATIONS_PER_HOUR:
                raise forms.ValidationError(TOO_OFTEN, code="rate_limit")
        return cleaned_data


class InvitationPasswordForm(SetPasswordForm):
    """The invited person's new password, limited per client address."""

    def __init__(self, user, *args, client_address, **kwargs):
        self.client_address = client_address
        super().__init__(user, *args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        if count_attempt(f"rate-limit:invitation-password:{self.client_address}") > RATE_LIMIT:
            raise forms.ValidationError(TOO_OFTEN, code="rate_limit")
        return cleaned_data


class DeleteAccountForm(forms.Form):
    """Deleting one's account asks for the password: a session left open is not enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if count_attempt(f"rate-limit:delete-account:{self.user.pk}") > RATE_LIMIT:
            raise forms.ValidationError(TOO_OFTEN, code="rate_limit")
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password
