"""The office's review of what members propose: entry changes side by side with the live
entry, published or returned with a comment; event proposals, whose events the office
edits and publishes in the event admin."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import invitations
from .forms import InvitationForm
from .models import AccountEvent, EventProposal, Invitation, OrganisationChange

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


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """The invitations sent; "add" is the form that invites a person."""

    list_display = ["account", "organisation", "language", "sent_at", "accepted_at", "invited_by"]
    list_filter = ["language", "accepted_at"]
    list_select_related = ["account__membership__organisation", "invited_by"]
    search_fields = ["account__email", "account__first_name", "account__last_name"]
    actions = ["send_again"]
    readonly_fields = ["account", "language", "invited_by", "sent_at", "accepted_at"]
    fields = readonly_fields

    @admin.display(description=_("member organisation"))
    def organisation(self, invitation):
        membership = getattr(invitation.account, "membership", None)
        return membership.organisation if membership else "–"

    def has_change_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = InvitationForm(request.POST or None, sender=request.user)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            invitations.invite(
                request,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                organisation=data["organisation"],
                language=data["language"],
            )
            self.message_user(
                request,
                _("The invitation to %(email)s has been sent.") % {"email": data["email"]},
                messages.SUCCESS,
            )
            return redirect("admin:accounts_invitation_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Invite a person"),
            "opts": self.opts,
            "form": form,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/accounts/invitation/invite.html", context)

    @admin.action(description=_("Send the invitation again (with a new link)"), permissions=["add"])
    def send_again(self, request, queryset):
        open_invitations = queryset.filter(accepted_at=None).select_related("account")
        for invitation in open_invitations:
            invitations.send(request, invitation)
        count = len(open_invitations)
        self.message_user(
            request,
            ngettext("%(count)d invitation sent again.", "%(count)d invitations sent again.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(AccountEvent)
class AccountEventAdmin(admin.ModelAdmin):
    """The account log: read only, for the office."""

    list_display = ["at", "kind", "login", "address", "detail", "actor"]
    list_filter = ["kind", "at"]
    list_select_related = ["actor"]
    search_fields = ["login", "address"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
