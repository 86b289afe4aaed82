"""Every page type in every language is valid HTML, checked by the Nu Html Checker.

The pages are fetched with Django's test client and checked in one run of
the checker, which takes a few seconds to start.
"""

import json
import re
import subprocess

from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from tests.languages import LANGUAGE_CODES
from tests.public_pages import html_pages
from tests.security.html_forms import forms_on
from tests.tools import JAVA, VNU_JAR, require


def pages_with_form_errors(client, pages):
    """Each form page again, sent empty, so the error messages are checked too."""
    with_errors = {}
    for path, response in pages.items():
        for form in forms_on(response.content.decode()):
            if form.method == "post":
                target = form.action.split("#")[0] or path
                answer = client.post(target, {})
                # Sent empty, a form comes back with its errors (and is checked with them).
                assert answer.status_code == 200, (target, answer.status_code)
                with_errors[f"{target} (sent empty)"] = answer
    return with_errors


def error_pages(languages):
    """The pages for a refused request (400), a refused form (403) and a server error (500)."""
    pages = {}
    for language in languages:
        too_many_fields = {f"field{number}": "x" for number in range(2000)}
        pages[f"400 ({language})"] = Client().post(f"/{language}/contact/", too_many_fields).content
        no_token = Client(enforce_csrf_checks=True).post(f"/{language}/contact/", {})
        pages[f"403 ({language})"] = no_token.content
        with translation.override(language):
            pages[f"500 ({language})"] = render_to_string("500.html").encode()
    return pages


def check_with_vnu(documents, folder):
    """``{name: html}`` → ``{name: [error, ...]}`` for the documents with errors."""
    files = {}
    for number, (name, html) in enumerate(documents.items()):
        file = folder / f"page-{number}.html"
        file.write_bytes(html)
        files[file.name] = name
    result = subprocess.run(
        [JAVA, "-jar", VNU_JAR, "--errors-only", "--format", "json", "--exit-zero-always"]
        + [folder / file for file in files],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    errors = {}
    for message in json.loads(result.stderr)["messages"]:
        url = message.get("url", "")
        name = files.get(url.rsplit("/", 1)[-1], url)
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(name, []).append(f"{where}: {message['message']}")
    return errors


def test_every_page_in_every_language_is_valid_html(client, demo, tmp_path):
    require(JAVA, VNU_JAR)
    pages = html_pages(client, languages=LANGUAGE_CODES)
    documents = {path: response.content for path, response in pages.items()}
    errors_shown = pages_with_form_errors(client, pages)
    documents |= {name: response.content for name, response in errors_shown.items()}
    documents |= error_pages(["de", "ar"])
    assert len(pages) > 7 * 10
    assert any(re.match(r"/ar/contact/ \(sent empty\)", name) for name in documents)

    errors = check_with_vnu(documents, tmp_path)

    report = "\n".join(
        f"{name}\n  " + "\n  ".join(messages) for name, messages in sorted(errors.items())
    )
    assert errors == {}, f"Invalid HTML on {len(errors)} pages:\n{report}"
