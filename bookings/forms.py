import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import STEP, Booking

# Which field a broken rule (``Resource.rule_errors``) is shown at.
RULE_FIELDS = {
    "order": "ends",
    "longest": "ends",
    "notice": "day",
    "ahead": "day",
    "opening-hours": "starts",
    "inactive": None,
}


def times_of(resource):
    """Every step from the earliest opening to the latest closing of ``resource``."""
    hours = resource.opening_hours.all()
    if not hours:
        return []
    day = datetime.date.min
    moment = datetime.datetime.combine(day, min(h.opens for h in hours))
    last = datetime.datetime.combine(day, max(h.closes for h in hours))
    steps = []
    while moment <= last:
        steps.append(moment.time())
        moment += STEP
    return steps


class BookingForm(forms.Form):
    """A time span on one day and what it is for, checked against the resource's rules."""

    day = forms.DateField(
        label=_("Day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    starts = forms.TypedChoiceField(
        label=pgettext_lazy("start of a time span", "From"), coerce=datetime.time.fromisoformat
    )
    ends = forms.TypedChoiceField(label=_("Until"), coerce=datetime.time.fromisoformat)
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=300,
        help_text=_("What you will use it for, in a few words. Only the office sees it."),
    )

    def __init__(self, resource, *args, **kwargs):
        self.resource = resource
        super().__init__(*args, **kwargs)
        choices = [(t.strftime("%H:%M"), time_format(t, "TIME_FORMAT")) for t in times_of(resource)]
        self.fields["starts"].choices = choices[:-1]
        self.fields["ends"].choices = choices[1:]

    @property
    def is_blank(self):
        """Neither sent nor filled in from the week's links: the same for every member."""
        return not self.is_bound and not any(self.initial.values())

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        day = cleaned_data["day"]
        starts_at = timezone.make_aware(datetime.datetime.combine(day, cleaned_data["starts"]))
        ends_at = timezone.make_aware(datetime.datetime.combine(day, cleaned_data["ends"]))
        for error in self.resource.rule_errors(starts_at, ends_at):
            self.add_error(RULE_FIELDS[error.code], error)
        cleaned_data["starts_at"], cleaned_data["ends_at"] = starts_at, ends_at
        return cleaned_data

    def booking(self, **fields):
        """The booking the form describes, not yet saved."""
        return Booking(
            resource=self.resource,
            starts_at=self.cleaned_data["starts_at"],
            ends_at=self.cleaned_data["ends_at"],
            purpose=self.cleaned_data["purpose"],
            **fields,
        )


class CancelForm(forms.Form):
    """The office's cancellation: the member is told the reason."""

    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The member receives it by email."),
    )
