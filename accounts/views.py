"""A person's own account: the account page, the data download, deleting the account, and
setting the password from an invitation. Each view shows only the signed-in person's own
data: none takes an account's id, so nobody can ask for another's."""

import json

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.proxies import client_address

from .forms import DeleteAccountForm, InvitationPasswordForm
from .invitations import InvalidInvitation, accept, invitation_for
from .models import AccountEvent
from .personal_data import delete_account, personal_data

RECENT_EVENTS = 10


@never_cache
@login_required
def account(request):
    user = request.user
    context = {
        "membership": getattr(user, "membership", None),
        "has_second_factor": is_mfa_enabled(user),
        "recent_events": AccountEvent.objects.filter(account=user)[:RECENT_EVENTS],
    }
    return render(request, "accounts/account.html", context)


@never_cache
@login_required
def download_data(request):
    data = personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="miso-account-{stamp}.json"'
    return response


@never_cache
@login_required
def delete(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(request, _("Your account has been deleted."))
        return redirect("pages:home")
    return render(request, "accounts/delete.html", {"form": form})


@never_cache
def accept_invitation(request, token):
    try:
        invitation = invitation_for(token)
    except InvalidInvitation:
        return render(request, "accounts/invitation_invalid.html", status=410)
    account = invitation.account
    form = InvitationPasswordForm(
        account, request.POST or None, client_address=client_address(request)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        accept(request, invitation)
        messages.success(request, _("Your password is set. You can sign in now."))
        return redirect("account_login")
    return render(request, "accounts/invitation.html", {"form": form, "account": account})
