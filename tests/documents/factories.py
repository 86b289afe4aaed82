import datetime
import itertools

from django.core.files.base import ContentFile
from django.utils import timezone

from documents.demo import make_pdf
from documents.models import Document

_numbers = itertools.count(1)


def make_document(**overrides):
    """A published public PDF; every call gets its own slug."""
    number = next(_numbers)
    slug = overrides.pop("slug", f"document-{number}")
    fields = {
        "slug": slug,
        "title_de": f"Dokument {number}",
        "title_en": f"Document {number}",
        "category": Document.Category.OTHER,
        "language": "de",
        "date": datetime.date(2024, 5, 3),
        "is_published": True,
        "published_at": timezone.now() - datetime.timedelta(days=1),
        "file": ContentFile(make_pdf(f"Dokument {number}"), name=f"{slug}.pdf"),
    }
    return Document.objects.create(**(fields | overrides))


def make_many_documents(count):
    """``count`` published documents sharing one stored file, created in one query."""
    stored = make_document(slug="shared-file")
    categories = Document.Category.values
    return Document.objects.bulk_create(
        Document(
            slug=f"bulk-{number}",
            title_de=f"Dokument {number}",
            category=categories[number % len(categories)],
            language="de",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            members_only=number % 3 == 0,
            is_published=True,
            published_at=stored.published_at,
            file=stored.file.name,
            size=stored.size,
        )
        for number in range(count)
    )
