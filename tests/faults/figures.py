"""The figures of the faults tests/faults/test_two_servers.py puts two servers through: written
to a file while the tests run (in a pytest-xdist worker, as like as not) and printed by the
process that prints the run's summary (tests/conftest.py)."""

import json
from pathlib import Path

FIGURES = Path(__file__).resolve().parents[2] / "var" / "fault-figures.jsonl"
HEADINGS = {
    "fault": "fault",
    "requests": "requests",
    "errors": "errors",
    "forms_sent": "forms sent",
    "thanked": "thanked",
    "stored": "stored",
    "health": "/healthz said",
    "recovered_in": "recovered in",
}


def forget():
    FIGURES.unlink(missing_ok=True)


def record(figures):
    """Keep one fault's figures: a value for each of HEADINGS."""
    FIGURES.parent.mkdir(exist_ok=True)
    with FIGURES.open("a") as file:
        file.write(json.dumps(figures) + "\n")


def table():
    """The lines of a table of the faults recorded since ``forget()``; none if there were none."""
    if not FIGURES.exists():
        return []
    rows = [json.loads(line) for line in FIGURES.read_text().splitlines()]
    cells = [list(HEADINGS.values())]
    cells += [[str(row[key]) for key in HEADINGS] for row in rows]
    widths = [max(len(line[column]) for line in cells) for column in range(len(HEADINGS))]
    # Text to the left, numbers to the right.
    numeric = [
        all(line[column][:1].isdigit() for line in cells[1:]) for column in range(len(HEADINGS))
    ]
    return [
        "  ".join(
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, right in zip(line, widths, numeric, strict=True)
        ).rstrip()
        for line in cells
    ]
