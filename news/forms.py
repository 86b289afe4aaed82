import functools

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Post


class PostFilterForm(forms.Form):
    """The filters above the news list; read from the query string."""

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Post.Kind.choices]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years=tuple, **kwargs):
        """``years()`` gives the years to choose from. It is asked only when the form is
        shown or a year is checked: the unfiltered list shows the form from a fragment."""
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = functools.cache(
            lambda: [("", _("All years")), *((year, year) for year in years())]
        )

    def filter(self, queryset):
        """Apply the filters that are valid; a wrong value is ignored, not an error page."""
        self.is_valid()
        if kind := self.cleaned_data.get("kind"):
            queryset = queryset.filter(kind=kind)
        if year := self.cleaned_data.get("year"):
            queryset = queryset.filter(published_at__year=year)
        return queryset
