from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from miso_site.views import StoredSubmissionView

from .forms import DirectoryFilterForm, MembershipApplicationForm
from .models import BoardMembership, MeetingPoint, MemberOrganisation, TeamPosition, WorkingGroup


def map_point(place, kind, url):
    """What the map script needs to know about one place (see static/js/map.js)."""
    return {
        "name": place.name,
        "url": url,
        "kind": kind,
        "lat": float(place.latitude),
        "lng": float(place.longitude),
    }


class DirectoryView(ListView):
    """All active members, filtered by district, language, focus area and text."""

    template_name = "members/directory.html"
    context_object_name = "organisations"
    paginate_by = 24

    def get_queryset(self):
        self.filter_form = DirectoryFilterForm(self.request.GET)
        organisations = MemberOrganisation.objects.active()
        self.matching = self.filter_form.filter(organisations, get_language())
        return self.matching.for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # One query for all matches with a position, not only this page's.
        located = self.matching.exclude(latitude=None).exclude(longitude=None)
        context.update(
            filter_form=self.filter_form,
            is_filtered=any(value for key, value in self.request.GET.items() if key != "page"),
            map_points=[
                map_point(o, "organisation", o.get_absolute_url())
                for o in located.only("name", "slug", "latitude", "longitude")
            ],
        )
        return context


class OrganisationDetailView(DetailView):
    template_name = "members/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return MemberOrganisation.objects.active().for_listing().prefetch_related("meeting_points")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        points = []
        if organisation.has_position:
            points.append(map_point(organisation, "organisation", organisation.get_absolute_url()))
        context["map_points"] = points
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


def by_role_then_name(membership):
    """Officers first (in the order the roles are declared), then by last name."""
    rank = BoardMembership.Role.values.index(membership.role)
    return (rank, membership.person.last_name, membership.person.first_name)


def term_of(memberships):
    """The span of the terms shown together, for the heading of a board."""
    return {
        "start": min(m.term_start for m in memberships),
        "end": max(m.term_end for m in memberships),
    }


class BoardView(TemplateView):
    template_name = "members/board.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        memberships = sorted(
            BoardMembership.objects.current().select_related("person__organisation"),
            key=by_role_then_name,
        )
        context["memberships"] = memberships
        context["term"] = term_of(memberships) if memberships else None
        return context


class BoardArchiveView(TemplateView):
    """Earlier boards, newest first, one section per term."""

    template_name = "members/board_archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        terms = {}
        memberships = BoardMembership.objects.past().select_related("person__organisation")
        for membership in memberships.order_by("-term_start"):
            key = (membership.term_start, membership.term_end)
            terms.setdefault(key, []).append(membership)
        context["terms"] = [
            {"start": start, "end": end, "memberships": sorted(members, key=by_role_then_name)}
            for (start, end), members in terms.items()
        ]
        return context


class TeamView(ListView):
    template_name = "members/team.html"
    context_object_name = "positions"

    def get_queryset(self):
        return TeamPosition.objects.select_related("person__organisation")


class WorkingGroupListView(ListView):
    template_name = "members/working_groups.html"
    context_object_name = "working_groups"

    def get_queryset(self):
        return WorkingGroup.objects.prefetch_related("members")


class ApplicationView(StoredSubmissionView):
    template_name = "members/apply.html"
    form_class = MembershipApplicationForm
    success_url = reverse_lazy("members:apply-thanks")
    notification_subject = _("New membership application")
    notification_template = "members/email/application.txt"
