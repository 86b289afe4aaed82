"""Sending admin forms as the browser does: change forms as shown, spreadsheet imports."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

# The import and export pages' choice of file format.
CSV, XLSX = "0", "1"


def form_as_shown(response):
    """What the browser would send back from the form it was shown."""
    form = response.context["adminform"].form
    values = {name: form[name].value() for name in form.fields}
    # An empty input is sent as ""; ticked choices as a list, even when none is ticked.
    return {
        name: value if isinstance(value, list) else value or "" for name, value in values.items()
    }


def upload(client, url_name, content, name="list.csv", file_format=CSV):
    """The first step of an import: the preview of a sheet; text is sent as UTF-8,
    bytes as they are."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    file = SimpleUploadedFile(name, data)
    return client.post(reverse(f"{url_name}_import"), {"format": file_format, "import_file": file})


def confirm(client, url_name, preview):
    """The second step: saving what the preview showed."""
    form = preview.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(reverse(f"{url_name}_process_import"), data)
