from pypdf import PdfReader

from documents import demo
from documents.models import Document
from tests.languages import LANGUAGE_CODES


def test_demo_has_the_statute_and_the_certificates_as_readable_pdfs(db):
    demo.load()
    categories = set(Document.objects.published().values_list("category", flat=True))
    assert {"statute", "tax_exemption", "certificate"} <= categories
    statute = Document.objects.get(category="statute")
    assert statute.date.isoformat() == "2016-01-22"
    with statute.file.open("rb") as pdf:
        reader = PdfReader(pdf)
        assert reader.metadata.title == statute.title_de
        assert "Satzung" in reader.pages[0].extract_text()


def test_demo_document_titles_exist_in_every_language(db):
    demo.load()
    for document in Document.objects.all():
        titles = {getattr(document, f"title_{code}") for code in LANGUAGE_CODES}
        assert len(titles) == len(LANGUAGE_CODES), document.slug


def test_demo_loads_once(db):
    assert demo.load() == 4
    assert demo.load() == 0
