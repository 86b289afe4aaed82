from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import invitations
from .forms import InvitationForm
from .models import AccountEvent, Invitation


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
