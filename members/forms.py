from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PhoneNumberField, SpamProtectedForm
from core.translated import shown_value
from search.registry import searchable_for

from .models import District, FocusArea, Language, MemberOrganisation, MembershipApplication


class DirectoryFilterForm(forms.Form):
    """The directory's filters, sent with GET so every result has its own address."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All districts"),
    )
    language = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Language.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All languages"),
    )
    focus = forms.ModelChoiceField(
        label=_("Focus area"),
        queryset=FocusArea.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All focus areas"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Sorted by the name the visitor reads, in the language of this request.
        self.fields["district"].queryset = District.objects.order_by(shown_value("name"))
        self.fields["language"].queryset = Language.objects.order_by(shown_value("name"))
        self.fields["language"].label_from_instance = language_label
        self.fields["focus"].queryset = FocusArea.objects.order_by(shown_value("name"))

    def filter(self, queryset):
        """Apply the filters that are valid; an unknown value is ignored, not an error page."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("district"):
            queryset = queryset.in_district(data["district"])
        if data.get("language"):
            queryset = queryset.filter(languages=data["language"])
        if data.get("focus"):
            queryset = queryset.filter(focus_areas=data["focus"])
        if data.get("q"):
            # The site search's own matching: the same words find the same organisations.
            queryset = searchable_for(MemberOrganisation).filter(queryset, data["q"])
        return queryset


def language_label(language):
    """'Greek (Ελληνικά)': visitors find their language by its own name too."""
    if language.endonym and language.endonym != language.name:
        return f"{language.name} ({language.endonym})"
    return language.name


class MembershipApplicationForm(SpamProtectedForm, forms.ModelForm):
    rate_scope = "membership-application"

    class Meta:
        model = MembershipApplication
        fields = [
            "organisation_name",
            "contact_name",
            "email",
            "phone",
            "district",
            "activities",
            "accepts_principles",
        ]
        widgets = {
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "activities": forms.Textarea(attrs={"rows": 6}),
        }
        field_classes = {"phone": PhoneNumberField}
        error_messages = {
            "accepts_principles": {
                "required": _("Please confirm that your organisation agrees with our principles.")
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accepts_principles"].required = True
        self.fields["district"].queryset = District.objects.order_by(shown_value("name"))
        self.fields["district"].empty_label = _("Outside the city / not listed")
