from django.db.models import DateTimeField, Value
from django.utils.translation import gettext_lazy as _

from search.registry import Searchable, register

from .models import MemberOrganisation

register(
    Searchable(
        MemberOrganisation,
        kind="organisation",
        label=_("Member organisation"),
        searched=lambda user: MemberOrganisation.objects.active(),
        translated=["description"],
        plain=["name", "short_name"],
        # Organisations have no date: after the dated results of the same relevance.
        moment=Value(None, output_field=DateTimeField()),
        snippet="description",
        title="name",
        template="members/includes/search_result.html",
        shown=MemberOrganisation.objects.select_related("district"),
    )
)
