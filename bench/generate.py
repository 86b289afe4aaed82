"""Fill the benchmark database with a large site, in all seven languages.

500 member organisations, 5,000 news posts, 5,000 events and 1,000 documents,
on top of the demo content, written with ``bulk_create`` in a few seconds, then
indexed for the site search with ``rebuild_search_index``.
Run by ``bench/run.py`` with ``DATABASE_URL`` pointing to ``var/bench.sqlite3``;
a database that is already complete is kept. Each content app has its own
function, so a new app adds one.

It also writes ``var/bench-urls.json``: the pages the benchmark loads, in German
and Arabic, and the session cookie of a member's account (made anew on every run),
with which it loads the member pages: those a logged-in member sees, which are never
served from the page cache.
"""

import datetime
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "miso_site.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from django.utils.http import urlencode  # noqa: E402
from django.utils.translation import get_language  # noqa: E402

from accounts.models import Membership  # noqa: E402
from bookings.models import Booking, Resource  # noqa: E402
from core.models import MEMBERS_GROUP  # noqa: E402
from documents.demo import make_pdf  # noqa: E402
from documents.models import Document  # noqa: E402
from events.models import Event, Occurrence, Venue  # noqa: E402
from members.models import District, FocusArea, Language, MemberOrganisation  # noqa: E402
from news.models import Post, reading_times  # noqa: E402

COUNTS = {
    "organisations": 500,
    "posts": 5000,
    "events": 5000,
    "documents": 1000,
    "bookings": 1000,
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
BENCH_LANGUAGES = ["de", "ar"]
URLS = ROOT / "var" / "bench-urls.json"
BATCH = 500

# One sentence per language, about what the network does; texts are built from it.
SENTENCE = {
    "de": "Das Netzwerk lädt Vereine und Nachbarschaft zum Austausch über Bildung, "
    "Arbeit und Teilhabe in Hannover ein.",
    "en": "The network invites associations and neighbours to talk about education, "
    "work and participation in Hannover.",
    "fr": "Le réseau invite les associations et le voisinage à échanger sur "
    "l'éducation, le travail et la participation à Hanovre.",
    "es": "La red invita a asociaciones y vecinos a conversar sobre educación, "
    "trabajo y participación en Hannover.",
    "ru": "Сеть приглашает объединения и соседей обсудить образование, работу и "
    "участие в жизни Ганновера.",
    "uk": "Мережа запрошує об'єднання та сусідів поговорити про освіту, роботу й "
    "участь у житті Ганновера.",
    "ar": "تدعو الشبكة الجمعيات والجيران إلى الحوار حول التعليم والعمل والمشاركة في هانوفر.",
}
# A word from the texts above, searched for in each benchmark language: it is in every one
# of the generated posts and events, so the search ranks them all.
SEARCH = {"de": "Netzwerk", "ar": "الشبكة"}
# A word as visitors search: in a few of the demo content's posts and events ("racism").
RARER_SEARCH = {"de": "Rassismus", "ar": "العنصرية"}
NOUN = {
    "post": {
        "de": "Meldung",
        "en": "News",
        "fr": "Actualité",
        "es": "Noticia",
        "ru": "Новость",
        "uk": "Новина",
        "ar": "خبر",
    },
    "event": {
        "de": "Treffen",
        "en": "Meeting",
        "fr": "Rencontre",
        "es": "Encuentro",
        "ru": "Встреча",
        "uk": "Зустріч",
        "ar": "لقاء",
    },
    "document": {
        "de": "Bericht",
        "en": "Report",
        "fr": "Rapport",
        "es": "Informe",
        "ru": "Отчёт",
        "uk": "Звіт",
        "ar": "تقرير",
    },
    "organisation": {
        "de": "Verein",
        "en": "Association",
        "fr": "Association",
        "es": "Asociación",
        "ru": "Объединение",
        "uk": "Об'єднання",
        "ar": "جمعية",
    },
}


def in_all_languages(field, make):
    """``{"title_de": make("de"), "title_en": make("en"), ...}``."""
    return {f"{field}_{code}": make(code) for code in LANGUAGES}


def title(kind, number):
    return lambda code: f"{NOUN[kind][code]} {number}"


def paragraphs(count):
    return lambda code: "".join(f"<p>{SENTENCE[code]} {SENTENCE[code]}</p>" for _ in range(count))


def organisations(count):
    districts = list(District.objects.all()) or [District.objects.create(name_de="Mitte")]
    areas = list(FocusArea.objects.all())
    languages = list(Language.objects.all())
    created = MemberOrganisation.objects.bulk_create(
        (
            MemberOrganisation(
                name=f"{NOUN['organisation']['de']} {number}",
                slug=f"bench-verein-{number}",
                district=districts[number % len(districts)],
                **in_all_languages("description", paragraphs(2)),
            )
            for number in range(1, count + 1)
        ),
        batch_size=BATCH,
    )
    through = MemberOrganisation.focus_areas.through
    through.objects.bulk_create(
        (
            through(memberorganisation=organisation, focusarea=areas[number % len(areas)])
            for number, organisation in enumerate(created)
        ),
        batch_size=BATCH,
    )
    through = MemberOrganisation.languages.through
    through.objects.bulk_create(
        (
            through(memberorganisation=organisation, language=languages[number % len(languages)])
            for number, organisation in enumerate(created)
        ),
        batch_size=BATCH,
    )
    return created


def posts(count, organisations):
    now = timezone.now()
    new = [
        Post(
            slug=f"bench-meldung-{number}",
            kind=Post.Kind.values[number % len(Post.Kind.values)]
            if number % 10
            else Post.Kind.NEWS,
            is_published=True,
            published_at=now - datetime.timedelta(hours=8 * number),
            **in_all_languages("title", title("post", number)),
            **in_all_languages("teaser", lambda code: SENTENCE[code]),
            **in_all_languages("body", paragraphs(4)),
        )
        for number in range(1, count + 1)
    ]
    # What Post.save() stores, which bulk_create does not call.
    for post in new:
        post.reading_times = reading_times(post)
    created = Post.objects.bulk_create(new, batch_size=BATCH)
    # Job postings need no deadline; the check constraint allows it.
    through = Post.organisations.through
    through.objects.bulk_create(
        (
            through(post=post, memberorganisation=organisations[number % len(organisations)])
            for number, post in enumerate(created)
        ),
        batch_size=BATCH,
    )
    return created


def events(count, organisations):
    venues = list(Venue.objects.all()) or [Venue.objects.create(name="Kulturzentrum")]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    start = now - datetime.timedelta(days=700)
    new = []
    for number in range(1, count + 1):
        # About seven a day, from two years ago until a month ahead.
        starts_at = start + datetime.timedelta(hours=3.5 * number)
        event = Event(
            slug=f"bench-treffen-{number}",
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
            venue=venues[number % len(venues)],
            is_published=True,
            published_at=now - datetime.timedelta(days=800),
            **in_all_languages("title", title("event", number)),
            **in_all_languages("description", paragraphs(2)),
        )
        event.finishes_at = event.compute_finishes_at()
        new.append(event)
    created = Event.objects.bulk_create(new, batch_size=BATCH)
    Occurrence.objects.store_single_dates(created, batch_size=BATCH)
    through = Event.organisations.through
    through.objects.bulk_create(
        (
            through(event=event, memberorganisation=organisations[number % len(organisations)])
            for number, event in enumerate(created)
        ),
        batch_size=BATCH,
    )
    return created


def documents(count):
    stored = Document.objects.create(
        slug="bench-bericht-datei",
        category=Document.Category.ANNUAL_REPORT,
        date=datetime.date(2020, 1, 1),
        is_published=True,
        file=ContentFile(make_pdf("Jahresbericht"), name="bench-bericht.pdf"),
        **in_all_languages("title", title("document", 0)),
    )
    categories = Document.Category.values
    return Document.objects.bulk_create(
        (
            Document(
                slug=f"bench-bericht-{number}",
                category=categories[number % len(categories)],
                language=LANGUAGES[number % len(LANGUAGES)],
                date=datetime.date(2012, 1, 1) + datetime.timedelta(days=4 * number),
                is_published=True,
                published_at=stored.published_at,
                file=stored.file.name,
                size=stored.size,
                **in_all_languages("title", title("document", number)),
            )
            for number in range(1, count + 1)
        ),
        batch_size=BATCH,
    )


def is_complete():
    try:
        return (
            MemberOrganisation.objects.filter(slug__startswith="bench-").count()
            == COUNTS["organisations"]
            and Post.objects.filter(slug__startswith="bench-").count() == COUNTS["posts"]
            and Event.objects.filter(slug__startswith="bench-").count() == COUNTS["events"]
            and Document.objects.filter(slug__startswith="bench-").count()
            == COUNTS["documents"] + 1
            and Booking.objects.filter(purpose__startswith="Treffen ").count() == COUNTS["bookings"]
        )
    except django.db.Error:
        return False


def bookings(count, organisations):
    """``count`` bookings of the meeting room by the organisations, an hour each, one after
    another from today: its week view shows a full week of them."""
    room = Resource.objects.get(slug="sitzungsraum")
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    Booking.objects.bulk_create(
        Booking(
            resource=room,
            organisation=organisations[number % len(organisations)],
            starts_at=start + datetime.timedelta(hours=number),
            ends_at=start + datetime.timedelta(hours=number + 1),
            purpose=f"Treffen {number}",
            language="de",
        )
        for number in range(count)
    )


def generate():
    database = Path(settings.DATABASES["default"]["NAME"])
    connection.close()
    database.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    with transaction.atomic():
        members = organisations(COUNTS["organisations"])
        posts(COUNTS["posts"], members)
        events(COUNTS["events"], members)
        documents(COUNTS["documents"])
        bookings(COUNTS["bookings"], members)
    # bulk_create sends no signals: the site search's index (on SQLite) is written at once.
    call_command("rebuild_search_index", verbosity=0)


def in_bench_languages(pages):
    """``{name: {language: path}}`` for ``{name: function giving the path}``."""
    urls = {}
    for name, make in pages.items():
        urls[name] = {}
        for code in BENCH_LANGUAGES:
            with translation.override(code):
                urls[name][code] = make()
    return urls


def bench_urls():
    """The pages anybody may see, in each benchmark language."""
    now = timezone.localtime()
    post = Post.objects.get(slug="bench-meldung-10")
    event = Event.objects.get(slug="bench-treffen-4900")
    pages = {
        "home": lambda: reverse("pages:home"),
        "member directory": lambda: reverse("members:directory"),
        "news list, page 2": lambda: reverse("news:post-list") + "?page=2",
        "news post": post.get_absolute_url,
        "event page": event.get_absolute_url,
        "events calendar": lambda: reverse(
            "events:calendar-month", kwargs={"year": now.year, "month": now.month}
        ),
        "search": lambda: (
            reverse("search:results") + "?" + urlencode({"q": SEARCH[get_language()]})
        ),
        "search, a rarer word": lambda: (
            reverse("search:results") + "?" + urlencode({"q": RARER_SEARCH[get_language()]})
        ),
        "sitemap": lambda: reverse("sitemap"),
        "news feed": lambda: reverse("news:feed-rss"),
    }
    urls = in_bench_languages(pages)
    # The sitemap is one file for all languages.
    urls["sitemap"] = {"-": urls["sitemap"]["de"]}
    return urls


# The pages of the member area, as a logged-in member sees them (the page cache never
# serves them).
MEMBER_PAGES = {
    "home, as a member": lambda: reverse("pages:home"),
    "member area": lambda: reverse("accounts:area"),
    "own organisation, as a member": lambda: MemberOrganisation.objects.get(
        slug="bench-verein-1"
    ).get_absolute_url(),
    "booking calendar": lambda: reverse("bookings:resource", kwargs={"slug": "sitzungsraum"}),
}


def member_session():
    """The session cookie of a member organisation's account, logged in."""
    member, _created = get_user_model().objects.get_or_create(
        username="bench-member", defaults={"email": "bench-member@example.org"}
    )
    member.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    organisation = MemberOrganisation.objects.get(slug="bench-verein-1")
    Membership.objects.get_or_create(user=member, defaults={"organisation": organisation})
    client = Client()
    client.force_login(member)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    return f"{cookie.key}={cookie.value}"


def main():
    started = time.monotonic()
    if is_complete():
        print("The benchmark data is complete; keeping it.")
        # A database kept from an older checkout gets the newer tables (and search index).
        call_command("migrate", verbosity=0)
    else:
        print("Generating the benchmark site ...", flush=True)
        generate()
        print(f"Generated in {time.monotonic() - started:.0f} s.")
    description = {
        "public": bench_urls(),
        "member": in_bench_languages(MEMBER_PAGES),
        "member_cookie": member_session(),
    }
    URLS.write_text(json.dumps(description, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
