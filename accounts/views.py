"""The member area: what is for members only, their calendar feed, their entry and events.

Every page here is for one logged-in person: never cached (``never_cache`` says
so to every cache on the way; the page cache skips requests with a session
anyway), and each runs a fixed number of queries, however much content exists.
"""

import json

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.mail import announce_submission
from core.models import is_member
from core.proxies import client_address
from documents.models import Document
from events.ical import build_calendar, ics_response
from events.models import Occurrence
from members.models import MemberOrganisation
from people.models import WorkingGroup

from .forms import DeleteAccountForm, EntryForm, EventProposalForm, InvitationPasswordForm
from .invitations import InvalidInvitation, accept, invitation_for
from .models import (
    AccountEvent,
    CalendarFeed,
    EventProposal,
    OrganisationChange,
    Review,
    organisation_of,
)
from .personal_data import delete_account, personal_data

# How many of each kind the area's home page lists; the full lists are a link away.
AREA_LIST_LENGTH = 10
PROPOSALS_PER_PAGE = 20


@method_decorator(never_cache, name="dispatch")
class MemberPageMixin(LoginRequiredMixin):
    """A page of the member area: for logged-in people, never cached."""


class OrganisationPageMixin(MemberPageMixin):
    """A page that acts for the member's organisation: 404 without one, or without the
    Members group (an account the office has taken it from may no longer act)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organisation = organisation_of(request.user)
            if self.organisation is None or not is_member(request.user):
                raise Http404(_("Your account acts for no member organisation."))
        return super().dispatch(request, *args, **kwargs)


def feed_urls(request, feed):
    """The feed's address, and the same as ``webcal://`` for calendar apps to subscribe."""
    url = request.build_absolute_uri(feed.get_absolute_url())
    return {"feed_url": url, "subscribe_url": "webcal://" + url.split("://", 1)[1]}


class AreaView(MemberPageMixin, TemplateView):
    template_name = "accounts/area.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        member = is_member(user)
        organisation = organisation_of(user)
        context.update(is_member=member, organisation=organisation)
        if not member:
            return context
        # The events, documents and working groups are the same for every member: the
        # template shows them from shared fragments, and these queries run only when one
        # is rendered anew.
        context["occurrences"] = (
            Occurrence.objects.visible_to(user)
            .filter(event__members_only=True)
            .upcoming()
            .next_of_each_event()
            .for_cards()[:AREA_LIST_LENGTH]
        )
        context["documents"] = (
            Document.objects.visible_to(user)
            .filter(members_only=True)
            .only("slug", "title", "language", "date", "size", "category", "members_only")
            .order_by("-date", "pk")[:AREA_LIST_LENGTH]
        )
        context["working_groups"] = WorkingGroup.objects.select_related("contact")
        context["proposals"] = list(
            EventProposal.objects.filter(account=user)
            .select_related("event")
            .order_by("-created_at")[:AREA_LIST_LENGTH]
        )
        if organisation:
            context["entry_change"] = (
                OrganisationChange.objects.filter(organisation=organisation)
                .only("status", "created_at", "updated_at", "office_comment", "organisation")
                .order_by("-created_at")
                .first()
            )
        feed = CalendarFeed.objects.filter(user=user).first()
        if feed:
            context.update(feed_urls(self.request, feed))
        return context


@never_cache
@require_POST
def renew_calendar_feed(request):
    """Make a new secret address (the first, or one replacing the old, which then stops)."""
    if not request.user.is_authenticated or not is_member(request.user):
        raise Http404
    feed, created = CalendarFeed.objects.get_or_create(
        user=request.user, defaults={"language": get_language()}
    )
    if not created:
        feed.renew(get_language())
        messages.success(
            request, _("Your calendar has a new address. The old one no longer works.")
        )
    else:
        messages.success(request, _("Your personal calendar address is ready."))
    return redirect(reverse("accounts:area") + "#calendar")


@never_cache
def calendar_feed(request, token):
    """A person's calendar with the members-only events, for as long as they are a member."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    user = feed.user
    if not user.is_active or not is_member(user):
        raise Http404
    with translation.override(feed.language):
        occurrences = Occurrence.objects.visible_to(user).for_subscription()
        calendar = build_calendar(occurrences, request, name=_("MiSO-Netzwerk Hannover: events"))
    response = ics_response(calendar)
    response["X-Robots-Tag"] = "noindex"
    return response


def announce(request, proposal, subject, template_name, thanks):
    """Tell the office of a stored proposal (whether it could is kept for its inbox), and
    thank the member."""
    announce_submission(proposal, subject, template_name)
    messages.success(request, thanks)


class EntryView(OrganisationPageMixin, FormView):
    """The organisation's entry as the member proposes it; the office publishes it."""

    template_name = "accounts/entry_form.html"
    form_class = EntryForm
    success_url = reverse_lazy("accounts:area")

    def latest_change(self):
        return (
            OrganisationChange.objects.filter(organisation=self.organisation)
            .prefetch_related("focus_areas", "languages")
            .order_by("-created_at")
            .first()
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        self.change = self.latest_change()
        kwargs["organisation"] = self.organisation
        kwargs["instance"] = self.change if self.change and self.change.is_pending else None
        if kwargs["instance"] is None:
            # A returned change is the starting point again, so the member's text is kept.
            kwargs["initial"] = (
                self.change.as_form_initial()
                if self.change
                else OrganisationChange.initial_from(self.organisation)
            )
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.organisation
        context["change"] = self.change
        return context

    def form_valid(self, form):
        with transaction.atomic():
            # Serialises members of one organisation, and the office publishing meanwhile.
            MemberOrganisation.objects.select_for_update().filter(pk=self.organisation.pk).exists()
            change = form.instance
            waiting = OrganisationChange.objects.filter(
                organisation=self.organisation, status=Review.NEW
            ).first()
            change.join(waiting)
            change.organisation = self.organisation
            change.account = self.request.user
            change.language = get_language()
            form.save()
        announce(
            self.request,
            change,
            _("Member's change to an entry"),
            "accounts/email/change_office.txt",
            _("Thank you. The office will check your change and publish it; we will email you."),
        )
        return super().form_valid(form)


class EventProposalCreateView(OrganisationPageMixin, FormView):
    template_name = "accounts/event_proposal_form.html"
    form_class = EventProposalForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"language": get_language()}

    def form_valid(self, form):
        with transaction.atomic():
            event = form.save()
            event.organisations.set([self.organisation])
            proposal = EventProposal.objects.create(
                event=event,
                organisation=self.organisation,
                account=self.request.user,
                language=get_language(),
                place=form.cleaned_data["place"],
            )
        announce(
            self.request,
            proposal,
            _("Member's event proposal"),
            "accounts/email/event_office.txt",
            _("Thank you. The office will check your event and publish it; we will email you."),
        )
        return redirect(proposal)


class OwnProposalsMixin(MemberPageMixin):
    """Only the person's own proposals: anybody else's are not found (404)."""

    def get_queryset(self):
        return EventProposal.objects.filter(account=self.request.user).select_related(
            "event__venue", "organisation"
        )


class EventProposalListView(OwnProposalsMixin, ListView):
    template_name = "accounts/event_proposal_list.html"
    context_object_name = "proposals"
    paginate_by = PROPOSALS_PER_PAGE

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related(None)
            .select_related("event")
            .order_by("-created_at", "-pk")
        )


class EventProposalDetailView(OwnProposalsMixin, DetailView):
    template_name = "accounts/event_proposal_detail.html"
    context_object_name = "proposal"


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
