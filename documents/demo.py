"""Demo content for the documents app: the statute and the certificates as small PDFs.

The PDFs are made here, at load time: one A4 page naming the document and
saying that it is a stand-in, so nobody mistakes it for the real paper.
"""

import datetime
import io

from django.core.files.base import ContentFile
from pypdf import PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject

from core.demo import read_json, translated_fields

from .models import Document

A4 = (595, 842)
STAND_IN_NOTE = (
    "Beispieldokument für die Website des MiSO-Netzwerks Hannover e.V.",
    "Dies ist nicht das Original; es liegt in der Geschäftsstelle vor.",
)
HELVETICA = DictionaryObject(
    {
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }
)


def pdf_string(text):
    """Text as a PDF string literal in the standard fonts' encoding (German fits)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("cp1252") + b")"


def make_pdf(title, lines=()):
    """A one-page PDF with ``title`` as heading and in its metadata, then ``lines``."""
    writer = PdfWriter()
    page = writer.add_blank_page(*A4)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): HELVETICA})}
    )
    operators = [b"BT /F1 20 Tf 72 760 Td", pdf_string(title) + b" Tj", b"/F1 12 Tf"]
    for line in lines:
        operators += [b"0 -28 Td", pdf_string(line) + b" Tj"]
    operators.append(b"ET")
    content = ContentStream(None, writer)
    content.set_data(b"\n".join(operators))
    page.replace_contents(content)
    writer.add_metadata({"/Title": title, "/Author": "MiSO-Netzwerk Hannover e.V."})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def load():
    created = 0
    for data in read_json(__file__, "documents.json"):
        title = data["title"]["de"]
        pdf = ContentFile(make_pdf(title, STAND_IN_NOTE), name=f"{data['slug']}.pdf")
        _document, is_new = Document.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "category": data["category"],
                "language": data["language"],
                "date": datetime.date.fromisoformat(data["date"]),
                "is_published": True,
                "file": pdf,
                **translated_fields(data, ["title"]),
            },
        )
        created += is_new
    return created
