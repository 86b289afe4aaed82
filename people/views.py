from django.views.generic import ListView, TemplateView

from .models import BoardMembership, TeamPosition, WorkingGroup


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
    template_name = "people/board.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        memberships = sorted(
            BoardMembership.objects.current().select_related(
                "person__organisation", "person__photo"
            ),
            key=by_role_then_name,
        )
        context["memberships"] = memberships
        context["term"] = term_of(memberships) if memberships else None
        return context


class BoardArchiveView(TemplateView):
    """Earlier boards, newest first, one section per term."""

    template_name = "people/board_archive.html"

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
    template_name = "people/team.html"
    context_object_name = "positions"

    def get_queryset(self):
        return TeamPosition.objects.select_related("person__organisation", "person__photo")


class WorkingGroupListView(ListView):
    template_name = "people/working_groups.html"
    context_object_name = "working_groups"

    def get_queryset(self):
        return WorkingGroup.objects.prefetch_related("members")
