"""The office's review of what members propose: entry changes side by side with the live
entry, published or returned with a comment; event proposals, whose events the office
edits and publishes in the event admin."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import EventProposal, OrganisationChange

DECIDED_FIELDS = ["organisation", "account", "language", "status", "created_at", "decided_at"]


class ProposalAdmin(admin.ModelAdmin):
    """Read-only but for the office's comment, and the buttons of the decision."""

    list_filter = ["status", "office_notified"]
    # The member's own pages are theirs alone: the office reviews here.
    view_on_site = False
    search_fields = ["organisation__name"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        editable = {"office_comment"} if obj is not None and obj.is_pending else set()
        return [field for field in self.fields if field not in editable]

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["decisions"] = self.decisions if obj is not None and obj.is_pending else []
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def response_change(self, request, obj):
        for name, _label in self.decisions:
            if f"_{name}" in request.POST:
                getattr(self, name)(request, obj)
                return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def returned(self, request, proposal, method):
        if not proposal.office_comment.strip():
            self.message_user(
                request,
                _("Please write the member a comment that says why, then return it."),
                messages.ERROR,
            )
        elif getattr(proposal, method)():
            self.message_user(request, _("Returned; the member is told by email."))
        else:
            self.message_user(request, _("Someone else has decided it already."), messages.ERROR)


@admin.register(OrganisationChange)
class OrganisationChangeAdmin(ProposalAdmin):
    list_display = ["organisation", "status", "created_at", "updated_at", "office_notified"]
    list_select_related = ["organisation"]
    fields = [*DECIDED_FIELDS, "office_comment"]
    change_form_template = "admin/accounts/organisationchange/change_form.html"
    decisions = [("publish", _("Publish the change")), ("send_back", _("Return to the member"))]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "account", "logo")

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None:
            context["differences"] = obj.differences()
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def publish(self, request, change):
        if change.publish(request.user):
            self.message_user(request, _("Published; the member is told by email."))
        else:
            self.message_user(request, _("Someone else has decided it already."), messages.ERROR)

    def send_back(self, request, change):
        self.returned(request, change, "return_to_member")


@admin.register(EventProposal)
class EventProposalAdmin(ProposalAdmin):
    list_display = ["__str__", "organisation", "status", "created_at", "office_notified"]
    list_select_related = ["organisation", "event"]
    fields = [*DECIDED_FIELDS, "event_link", "place", "office_comment"]
    change_form_template = "admin/accounts/eventproposal/change_form.html"
    decisions = [("decline", _("Decline"))]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "event_link"]

    @admin.display(description=_("event"))
    def event_link(self, proposal):
        if proposal.event is None:
            return "–"
        url = reverse("admin:events_event_change", args=[proposal.event.pk])
        return format_html('<a href="{}">{}</a>', url, _("Check, edit and publish the event"))

    def decline(self, request, proposal):
        self.returned(request, proposal, "decline")
