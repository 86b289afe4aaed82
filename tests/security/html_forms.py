"""Finds the forms on a page and fills them in, so every public form gets the hostile corpus."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Never filled: the CSRF token (the test client does not check it) and the honeypot.
SKIPPED = {"csrfmiddlewaretoken", "website"}
VALID_VALUES = {
    "email": "ada@example.org",
    "url": "https://example.org/",
    "number": "1",
    "date": "2030-01-01",
    "tel": "0511 123456",
}


@dataclass
class Form:
    action: str
    method: str
    fields: list = field(default_factory=list)  # (name, type, value)
    options: dict = field(default_factory=dict)  # select name -> option values

    def fill(self, text, email=VALID_VALUES["email"]):
        """Every text field gets ``text``; other fields a valid value; boxes are ticked."""
        data = {}
        for name, kind, value in self.fields:
            if name in SKIPPED or kind in {"submit", "button", "file", "image", "reset"}:
                continue
            if kind == "hidden":
                data[name] = value
            elif kind in {"checkbox", "radio"}:
                data.setdefault(name, value or "on")
            elif kind == "select":
                data[name] = next((option for option in self.options[name] if option), "")
            elif kind == "email":
                data[name] = email
            else:
                data[name] = VALID_VALUES.get(kind, text)
        return data


class FormFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            method = (attributes.get("method") or "get").lower()
            self.forms.append(Form(attributes.get("action") or "", method))
        elif not self.forms:
            return
        elif tag == "input" and attributes.get("name"):
            kind = (attributes.get("type") or "text").lower()
            self.forms[-1].fields.append((attributes["name"], kind, attributes.get("value", "")))
        elif tag == "textarea" and attributes.get("name"):
            self.forms[-1].fields.append((attributes["name"], "textarea", ""))
        elif tag == "select" and attributes.get("name"):
            self._select = attributes["name"]
            self.forms[-1].fields.append((self._select, "select", ""))
            self.forms[-1].options[self._select] = []
        elif tag == "option" and self._select:
            self.forms[-1].options[self._select].append(attributes.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def forms_on(html):
    finder = FormFinder()
    finder.feed(html)
    return finder.forms
