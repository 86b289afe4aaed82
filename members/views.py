from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core.cache import reads_query_parameters
from core.views import StoredSubmissionView, is_filtered

from .forms import DirectoryFilterForm, MembershipApplicationForm
from .models import MeetingPoint, MemberOrganisation

# How many of an organisation's coming events and latest posts its page shows.
ORGANISATION_EVENTS = 6
ORGANISATION_POSTS = 3


def map_point(place, kind, url):
    """What the map script needs to know about one place (see static/js/map.js)."""
    return {
        "name": place.name,
        "url": url,
        "kind": kind,
        "lat": float(place.latitude),
        "lng": float(place.longitude),
    }


@reads_query_parameters("page", *DirectoryFilterForm.base_fields)
class DirectoryView(ListView):
    """All active members, filtered by district, language, focus area and text."""

    template_name = "members/directory.html"
    context_object_name = "organisations"
    paginate_by = 24

    def get_queryset(self):
        self.filter_form = DirectoryFilterForm(self.request.GET)
        organisations = MemberOrganisation.objects.active()
        self.matching = self.filter_form.filter(organisations)
        return self.matching

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # One query for all matches with a position, not only this page's, made where the
        # template asks (once, by its include): unfiltered, the map is the same for everyone
        # and shown from a shared fragment.
        located = self.matching.exclude(latitude=None).exclude(longitude=None)
        context.update(
            filter_form=self.filter_form,
            is_filtered=is_filtered(self.request),
            cards=context["page_obj"].object_list.as_cards(),
            map_points=lambda: [
                map_point(o, "organisation", o.get_absolute_url())
                for o in located.only("name", "slug", "latitude", "longitude")
            ],
        )
        return context


class OrganisationDetailView(DetailView):
    """An organisation's page, with the events it presents and the posts that name it.

    Both are read through the reverse relations (``events``, ``posts``), so the members
    app imports neither app: one query each, however many there are.
    """

    template_name = "members/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return (
            MemberOrganisation.objects.active()
            .select_related("district", "logo")
            .in_shown_languages()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        points = []
        if organisation.has_position:
            points.append(map_point(organisation, "organisation", organisation.get_absolute_url()))
        context["map_points"] = points
        context["events"] = (
            organisation.events.visible_to(self.request.user)
            .upcoming()
            .for_cards()[:ORGANISATION_EVENTS]
        )
        context["posts"] = (
            organisation.posts.listed().latest_first().for_cards()[:ORGANISATION_POSTS]
        )
        return context


class MeetingPointListView(ListView):
    template_name = "members/meeting_points.html"
    context_object_name = "meeting_points"

    def get_queryset(self):
        return MeetingPoint.objects.select_related("district", "host")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["map_points"] = [
            map_point(point, "meeting-point", point.get_absolute_url())
            for point in context["meeting_points"]
            if point.has_position
        ]
        return context


class ApplicationView(StoredSubmissionView):
    template_name = "members/apply.html"
    form_class = MembershipApplicationForm
    success_url = reverse_lazy("members:apply-thanks")
    notification_subject = _("New membership application")
    notification_template = "members/email/application.txt"
