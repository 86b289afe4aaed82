import datetime

from django import forms
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.forms import SpamProtectedForm

from .models import Registration, RegistrationQuestion

YES, NO = "yes", "no"


def question_field(question, language):
    """The form field that asks ``question`` in ``language``."""
    label = getattr(question, f"label_{language}", "") or question.label_de
    if question.kind == RegistrationQuestion.Kind.TEXT:
        return forms.CharField(label=label, required=question.required, max_length=500)
    if question.kind == RegistrationQuestion.Kind.YES_NO:
        choices = [(YES, _("Yes")), (NO, _("No"))]
    else:
        choices = list(enumerate(question.choice_list(language)))
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        required=question.required,
        widget=forms.RadioSelect,
        coerce=str,
    )


class RegistrationForm(SpamProtectedForm, forms.ModelForm):
    """Name, email, the event's own questions and the consent, in the visitor's language.

    ``questions`` are the event's ``RegistrationQuestion``s; the answers are stored in
    German, the language the office reads. The hidden ``occurrence`` names the date
    registered for by its start as first planned (ISO 8601); ``occurrence_start`` is
    that start once the form is valid.
    """

    occurrence = forms.CharField(widget=forms.HiddenInput, required=False)

    consent = forms.BooleanField(
        label=_("I agree that MiSO stores my details to manage my registration."),
        error_messages={"required": _("Please agree, so that we can store your registration.")},
    )

    class Meta:
        model = Registration
        fields = ["name", "email"]
        # A person's name: the model's bare "name" is a thing's name in some languages.
        labels = {"name": capfirst(_("your name")), "email": capfirst(_("your email address"))}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def __init__(self, *args, event, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.occurrence_start = None
        # A person may register a few people, but not flood one event's list.
        self.rate_scope = f"registration-{event.pk}"
        self.questions = list(questions)
        self.fields["email"].required = True
        language = get_language()
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = question_field(question, language)
        # The consent comes last, after every question.
        self.fields["consent"] = self.fields.pop("consent")
        self.fields["consent"].help_text = format_html(
            '<a href="{}">{}</a>',
            reverse("pages:privacy"),
            _("What we store and when we delete it: our privacy policy"),
        )

    def clean(self):
        # Checked first: a form with errors is not counted against the sender's limit.
        self.occurrence_start = self.event_date(self.cleaned_data.get("occurrence", ""))
        if self.occurrence_start is None:
            self.add_error(
                None,
                _("This date is not one of the event's dates. Please open the event's page again."),
            )
        return super().clean()

    def event_date(self, value):
        """The event's date that starts at ``value`` (ISO 8601), or None."""
        try:
            start = datetime.datetime.fromisoformat(value)
        except ValueError:
            return None
        if timezone.is_naive(start) or not self.event.has_occurrence(start):
            return None
        return start

    def answers(self):
        """The answers in German: ``[{"question": ..., "answer": ...}]``."""
        answers = []
        for question in self.questions:
            value = self.cleaned_data.get(f"question_{question.pk}")
            if value in (None, ""):
                continue
            if question.kind == RegistrationQuestion.Kind.YES_NO:
                with translation.override("de"):
                    value = str(_("Yes") if value == YES else _("No"))
            elif question.kind == RegistrationQuestion.Kind.CHOICE:
                value = question.choice_list("de")[int(value)]
            answers.append({"question": question.label_de, "answer": value})
        return answers
