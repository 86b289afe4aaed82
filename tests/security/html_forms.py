"""Reads the forms on a page: to fill every public form with the hostile corpus, and to
send an admin form back as it is with one file replaced."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Never filled: the CSRF token (the test client does not check it) and the honeypot.
SKIPPED = {"csrfmiddlewaretoken", "website"}
BUTTONS = {"submit", "button", "file", "image", "reset"}
VALID_VALUES = {
    "email": "ada@example.org",
    "url": "https://example.org/",
    "number": "1",
    "date": "2030-01-01",
    "tel": "0511 123456",
}


@dataclass
class Field:
    name: str
    kind: str
    value: str = ""
    chosen: bool = False  # a ticked box, a selected option
    options: list = field(default_factory=list)  # a select's options: (value, selected)


@dataclass
class Form:
    action: str
    method: str
    fields: list = field(default_factory=list)

    def fill(self, text, email=VALID_VALUES["email"]):
        """Every text field gets ``text``; other fields a valid value; boxes are ticked."""
        data = {}
        for item in self.fields:
            if item.name in SKIPPED or item.kind in BUTTONS:
                continue
            if item.kind == "hidden":
                data[item.name] = item.value
            elif item.kind in {"checkbox", "radio"}:
                data.setdefault(item.name, item.value or "on")
            elif item.kind == "select":
                data[item.name] = next((value for value, _chosen in item.options if value), "")
            elif item.kind == "email":
                data[item.name] = email
            else:
                data[item.name] = VALID_VALUES.get(item.kind, text)
        return data

    def values(self):
        """What a browser sends when the form is submitted unchanged."""
        data = {}
        for item in self.fields:
            if item.kind in BUTTONS:
                continue
            if item.kind in {"checkbox", "radio"}:
                if item.chosen:
                    data.setdefault(item.name, []).append(item.value or "on")
            elif item.kind == "select":
                chosen = [value for value, selected in item.options if selected]
                data.setdefault(item.name, []).extend(chosen)
            else:
                data.setdefault(item.name, []).append(item.value)
        return data


class FormFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "form":
            method = (attributes.get("method") or "get").lower()
            self.forms.append(Form(attributes.get("action") or "", method))
        elif not self.forms:
            return
        elif tag == "input" and name:
            kind = (attributes.get("type") or "text").lower()
            item = Field(name, kind, attributes.get("value") or "", "checked" in attributes)
            self.forms[-1].fields.append(item)
        elif tag == "textarea" and name:
            self._textarea = Field(name, "textarea")
            self.forms[-1].fields.append(self._textarea)
        elif tag == "select" and name:
            self._select = Field(name, "select")
            self.forms[-1].fields.append(self._select)
        elif tag == "option" and self._select:
            self._select.options.append((attributes.get("value", ""), "selected" in attributes))

    def handle_data(self, data):
        if self._textarea:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            # Browsers drop the newline that follows <textarea>.
            self._textarea.value = self._textarea.value.removeprefix("\n")
            self._textarea = None


def forms_on(html):
    finder = FormFinder()
    finder.feed(html)
    return finder.forms
