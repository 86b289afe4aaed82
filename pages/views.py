from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from core.structured_data import logo_url, postal_address
from core.views import StoredSubmissionView
from events.models import Occurrence
from members.forms import DirectoryFilterForm
from members.models import MemberOrganisation
from news.models import Post
from people.models import BoardMembership

from .context_processors import cached_association
from .forms import BarrierReportForm, ContactForm
from .models import ContactMessage, Page, Principle


class PageMixin:
    """Adds the editable ``Page`` with the view's ``page_key`` to the context."""

    page_key = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = get_object_or_404(Page, key=self.page_key)
        return context


class PageView(PageMixin, TemplateView):
    template_name = "pages/page.html"


class HomeView(PageMixin, TemplateView):
    page_key = Page.Key.HOME
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The one member count on the page: the organisations the directory lists. Counted
        # when the shared fragment that shows it is rendered anew (the template calls it).
        context["member_count"] = MemberOrganisation.objects.active().count
        # "Find an organisation": the directory's own district and language filters.
        context["finder"] = DirectoryFilterForm()
        context["latest_posts"] = Post.objects.listed().latest_first()[:3].as_cards(heading_level=3)
        context["next_events"] = Occurrence.objects.next_for(self.request.user, 3).as_cards()
        return context


class PrinciplesView(PageMixin, TemplateView):
    page_key = Page.Key.PRINCIPLES
    template_name = "pages/principles.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["principles"] = Principle.objects.all()
        return context


class AllPrinciplesView(TemplateView):
    """The principles in all seven languages side by side, each in its own language:
    the visitor's first, then the others in the site's order."""

    template_name = "pages/principles_all.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        principles = list(Principle.objects.all())
        blocks = []
        current = translation.get_language()
        languages = sorted(settings.LANGUAGES, key=lambda language: language[0] != current)
        for code, name in languages:
            texts = [text for p in principles if (text := getattr(p, f"text_{code}"))]
            if not texts:
                continue
            with translation.override(code):
                heading = str(_("Our principles"))
            blocks.append(
                {
                    "code": code,
                    "name": name,
                    "bidi": code in settings.LANGUAGES_BIDI,
                    "heading": heading,
                    "texts": texts,
                }
            )
        context["blocks"] = blocks
        return context


class ContactView(PageMixin, StoredSubmissionView):
    page_key = Page.Key.CONTACT
    template_name = "pages/contact.html"
    form_class = ContactForm
    success_url = reverse_lazy("pages:contact-thanks")
    notification_subject = _("New message from the contact form")
    notification_template = "pages/email/contact_message.txt"

    def prepare(self, submission):
        submission.kind = ContactMessage.Kind.CONTACT

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = organization_structured_data(
            cached_association(), self.request
        )
        return context


def organization_structured_data(association, request):
    """The association as a schema.org Organization: name, address, address of the site, logo."""
    if association is None:
        return None
    street = association.street
    if association.address_extra:
        street = f"{street} ({association.address_extra})"
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": association.name,
        "alternateName": association.short_name,
        "url": request.build_absolute_uri(reverse("pages:home")),
        "logo": logo_url(request),
        "telephone": association.phone,
        "foundingDate": association.founded.isoformat(),
        "address": postal_address(street, association.postcode, association.city),
    }


class AccessibilityView(PageMixin, StoredSubmissionView):
    """The accessibility statement, with a form to report a barrier."""

    page_key = Page.Key.ACCESSIBILITY
    template_name = "pages/accessibility.html"
    form_class = BarrierReportForm
    success_url = reverse_lazy("pages:accessibility-thanks")
    notification_subject = _("New barrier report from the website")
    notification_template = "pages/email/barrier_report.txt"

    def get_initial(self):
        # The footer's link passes the page the visitor came from.
        return {"page_url": self.request.GET.get("page", "")[:500]}

    def prepare(self, submission):
        submission.kind = ContactMessage.Kind.BARRIER
        # The office reads German, whatever language the visitor used.
        with translation.override(settings.LANGUAGE_CODE):
            submission.subject = str(ContactMessage.Kind.BARRIER.label)


class ImprintView(PageMixin, TemplateView):
    page_key = Page.Key.IMPRINT
    template_name = "pages/imprint.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["board"] = BoardMembership.objects.current()
        return context
